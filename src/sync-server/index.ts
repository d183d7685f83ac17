// The sync server's entry. Today it only opens its storage folder and answers /health; the RxDB
// replication endpoints (pull by checkpoint, push with conflicts, SSE stream) arrive with the sync
// issue. It may use shared/ and core/db only (enforced by lint).
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const port = Number(process.argv[2] ?? 7421);
const dataDir = resolve(process.argv[3] ?? '.sync-data');
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', services: { storage: 'ok' }, replication: 'not yet available' }));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'The sync endpoints are not available yet.' } }));
}).listen(port, '127.0.0.1', () => console.log(`Sync server listening on http://127.0.0.1:${port} (data: ${dataDir})`));
