// A provider address that the test takes down and brings back: a loopback TCP relay that, while
// down, resets every connection before a byte (as an unreachable host does) and, while up, relays
// the bytes to a real loopback LLM server. Taking it down also cuts the connections it relays, so
// a client's kept-alive socket cannot reach the server either.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SwitchableEndpoint {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  /** Connections reset while down. */
  readonly refused: number;
  up(): void;
  down(): void;
  close(): Promise<void>;
}

export async function startSwitchableEndpoint(target: string): Promise<SwitchableEndpoint> {
  const { hostname, port } = new URL(target);
  let reachable = true;
  let refused = 0;
  const relayed = new Set<Socket>();

  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    if (!reachable) {
      refused++;
      socket.once('data', () => socket.resetAndDestroy());
      return;
    }
    const upstream = connect(Number(port), hostname);
    upstream.on('error', () => socket.destroy());
    for (const end of [socket, upstream]) {
      relayed.add(end);
      end.once('close', () => relayed.delete(end));
    }
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get refused() {
      return refused;
    },
    up: () => {
      reachable = true;
    },
    down: () => {
      reachable = false;
      for (const end of relayed) end.destroy();
    },
    close: () => {
      for (const end of relayed) end.destroy();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
