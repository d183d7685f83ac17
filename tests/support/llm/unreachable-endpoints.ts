// Addresses where no provider can be reached, for offline tests with no network: a loopback port
// that was bound then closed (connection refused), a name under `.invalid` (resolution fails at once,
// RFC 6761), and a loopback server that resets every connection before sending a byte (counting the
// connections, so a test can tell how often the SDK really tried). Plus a server that sends headers
// and then hangs up mid-reply: reached, so not "unreachable".
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

/** http://127.0.0.1:<port> where nothing listens any more. */
export async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return `http://127.0.0.1:${port}`;
}

/** A host name that never resolves. */
export const UNRESOLVABLE_URL = 'http://nonexistent.invalid';

export interface CountingEndpoint {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  /** Connections accepted so far: each is one attempt by the client. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Accepts each connection, reads the request's first bytes and resets it (ECONNRESET, nothing sent). */
export async function startResettingEndpoint(): Promise<CountingEndpoint> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.once('data', () => socket.resetAndDestroy());
    socket.on('error', () => undefined);
  });
  await listen(server);
  return endpoint(server, () => connections);
}

/** Answers 200 with headers and the start of a body, then closes the connection: the server was reached. */
export async function startCutOffEndpoint(): Promise<CountingEndpoint> {
  let connections = 0;
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
      // Closed (FIN, not a reset, so the bytes already sent still arrive) once they are written.
      res.write('{"id":', () => res.socket?.destroy());
    });
  });
  server.on('connection', (socket) => {
    connections++;
    socket.on('error', () => undefined);
  });
  await listen(server);
  return endpoint(server, () => connections);
}

function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function endpoint(server: Server | ReturnType<typeof createHttpServer>, count: () => number): CountingEndpoint {
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return count();
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
