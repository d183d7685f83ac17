// A TCP pass-through in front of the core that can be switched off and on again on the same port,
// so the renderer sees its core stop and come back without the core losing its data.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LoopbackSwitch {
  url: string;
  /** Refuses new connections and cuts the open ones (the stream included), as a stopped core does. */
  off(): Promise<void>;
  on(): Promise<void>;
  close(): Promise<void>;
}

export async function startLoopbackSwitch(target: string): Promise<LoopbackSwitch> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(targetPort), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  let listening = true;

  const off = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    off,
    async on() {
      if (listening) return;
      await listen(port);
      listening = true;
    },
    close: off,
  };
}
