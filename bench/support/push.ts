// Sends bytes through a forwarded port to a sink that answers with the count it received at EOF
// (bench/tunnels.ts, bench/slow-readers.ts).
import net from 'node:net';
import { performance } from 'node:perf_hooks';

/** Sends `mib` MiB through localPort, checks the sink's count, and resolves with the MiB/s. */
export function pushThrough(localPort: number, mib: number): Promise<number> {
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const total = mib * chunk.length;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect({ port: localPort, host: '127.0.0.1', allowHalfOpen: true });
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      socket.end();
    };
    pump();
    let reply = '';
    socket.on('data', (data: Buffer) => (reply += data.toString()));
    socket.on('end', () => {
      if (Number(reply) !== total) reject(new Error(`sink counted ${reply}, sent ${total}`));
      resolve(mib / ((performance.now() - started) / 1000));
    });
    socket.on('error', reject);
  });
}
