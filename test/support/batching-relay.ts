// A TCP relay in front of the server that hands the server's bytes to the client in batches:
// whatever arrives within `windowMs` of the first byte goes out in one write, as a busy client
// (a CLI still loading, a loaded machine) finds it in one read. A stream's reply and the bytes
// sent right behind it (a shell's prompt, a server-first protocol's banner) then reach the
// client together, every time; the client's bytes pass at once.
//
//   CLI ──TCP──▶ relay (127.0.0.1:port) ──TCP──▶ server

import net from 'node:net';

export interface BatchingRelay {
  /** The server's URL through the relay (http://127.0.0.1:port). */
  readonly url: string;
  close(): Promise<void>;
}

export async function startBatchingRelay(
  serverUrl: string,
  windowMs = 400,
): Promise<BatchingRelay> {
  const target = new URL(serverUrl);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.hostname, port: Number(target.port) });
    sockets.add(client).add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    client.on('end', () => upstream.end());

    let batch: Buffer[] = [];
    let timer: NodeJS.Timeout | null = null;
    let ended = false;
    const flush = (): void => {
      timer = null;
      if (batch.length > 0) client.write(Buffer.concat(batch));
      batch = [];
      if (ended) client.end();
    };
    upstream.on('data', (chunk: Buffer) => {
      batch.push(chunk);
      timer ??= setTimeout(flush, windowMs);
    });
    upstream.on('end', () => {
      ended = true;
      if (timer === null) flush();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
