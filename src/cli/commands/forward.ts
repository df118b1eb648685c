// `etphonehome forward <client> [bind:]port:host:hostport`: `ssh -L` through the server. A
// tunnel is opened once (its control socket on /stream; the server checks the client and the
// target), then every TCP connection to the local port becomes a socket of its own carried to
// host:hostport as seen from the client, with backpressure both ways and half-close. Runs until
// Ctrl-C, or until the tunnel is closed (tunnels close ID, the client going away).

import net from 'node:net';
import type WebSocket from 'ws';
import { resolveConnection, type Connection } from '../../client/index.js';
import { openServerStream } from '../../client/stream.js';
import { STREAM_HIGH_WATER_BYTES, STREAM_LOW_WATER_BYTES } from '../../protocol/ws-stream.js';
import { commonOptions, parse } from '../args.js';
import type { Command } from '../command.js';
import { parseForwardSpec } from '../forward-spec.js';
import { openCommandStream } from '../open-stream.js';
import { UsageError, type CommandIO } from '../output.js';

const usage = `Usage: etphonehome forward <client> [bind:]port:host:hostport [options]

  Forwards a local TCP port to host:hostport as seen from the client, like ssh -L: every
  connection to bind:port (bind defaults to 127.0.0.1; port 0 picks a free one) is carried
  through the server and the client's own connection, many at once, half-close included.
  Nothing listens on the client. The target must be allowed twice: by the agent's own
  allowed_forwards (config.yaml, phonehome --init --allowed-forwards) and on the server; a
  refused target is refused before anything connects (FORWARD_DENIED, exit 13).
  Runs until Ctrl-C or until the tunnel is closed (etphonehome tunnels close ID).

Options:
  --url URL, --data-dir DIR

Examples:
  etphonehome forward db-01 5432:127.0.0.1:5432
  etphonehome forward web-01 8080:intranet.corp:80
  etphonehome forward web-01 0.0.0.0:9000:[::1]:9000
`;

/** Carries one accepted TCP connection over its own /stream socket. */
function carry(
  socket: net.Socket,
  connection: Connection,
  tunnelId: string,
  io: CommandIO,
  sockets: Set<net.Socket>,
): void {
  sockets.add(socket);
  socket.pause();
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => undefined);
  // The remote side may speak first (an SSH banner): its bytes can arrive in the same read as
  // the server's reply, so the socket's writer is given to the opening itself.
  const toSocket = (ws: WebSocket, data: WebSocket.RawData, isBinary: boolean): void => {
    // Bytes for a local socket that went away are dropped: pausing for them would keep the
    // stream from reading the server's close frame.
    if (socket.destroyed) return;
    if (!isBinary) {
      if (String(data).includes('"eof"')) socket.end();
      return;
    }
    if (!socket.write(data as Buffer)) ws.pause();
  };
  openServerStream(connection, { op: 'connect', tunnel: tunnelId }, { onMessage: toSocket }).then(
    ({ ws }) => bridge(socket, ws),
    (error: unknown) => {
      io.err(`etphonehome: connection refused: ${(error as Error).message}`);
      socket.destroy();
    },
  );
}

function bridge(socket: net.Socket, ws: WebSocket): void {
  // The local connection went away while the stream was opening: its 'close' has fired already.
  if (socket.destroyed) {
    ws.close();
    return;
  }
  let paused = false;
  socket.on('data', (chunk: Buffer) => {
    ws.send(chunk, () => {
      if (paused && ws.bufferedAmount < STREAM_LOW_WATER_BYTES) {
        paused = false;
        socket.resume();
      }
    });
    if (!paused && ws.bufferedAmount > STREAM_HIGH_WATER_BYTES) {
      paused = true;
      socket.pause();
    }
  });
  socket.on('end', () => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ eof: true }));
  });
  // A stream paused for this socket's backpressure reads nothing, not even the server's
  // answering close frame, and would linger for the ws library's 30 s close timeout.
  socket.on('close', () => {
    ws.resume();
    ws.close();
  });
  socket.on('drain', () => ws.resume());
  // The socket may still hold bytes the local program has not read: end() flushes them first
  // (destroy() would drop them), then the socket goes.
  ws.on('close', () => {
    if (socket.destroyed) return;
    socket.end(() => socket.destroy());
  });
  ws.on('error', () => socket.destroy());
  socket.resume();
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    url: commonOptions.url,
    'data-dir': commonOptions['data-dir'],
  });
  const [target, specText, ...rest] = positionals;
  if (target === undefined || specText === undefined)
    throw new UsageError('forward needs a client and a spec: forward db-01 5432:127.0.0.1:5432');
  if (rest.length > 0) throw new UsageError(`forward takes one spec (got "${rest[0]}" too)`);
  const spec = parseForwardSpec(specText);
  const connection = await resolveConnection(values, io.env);

  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new UsageError(
          `forward: cannot listen on ${spec.bindHost}:${spec.bindPort}: ${error.message}`,
        ),
      ),
    );
    server.listen(spec.bindPort, spec.bindHost, () => resolve());
  });
  const bound = server.address() as net.AddressInfo;
  const listen = `${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`;
  let control;
  try {
    control = await openCommandStream(connection, {
      op: 'tunnel',
      client: target,
      host: spec.host,
      port: spec.port,
      listen,
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const tunnelId = control.reply.id;
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => carry(socket, connection, tunnelId, io, sockets));
  io.err(
    `etphonehome: forwarding ${listen} → ${spec.host}:${spec.port} on ${target} (tunnel ${tunnelId}); Ctrl-C to stop`,
  );

  let closedReason = '';
  control.ws.on('message', (data) => {
    try {
      const message = JSON.parse(String(data)) as { closed?: string };
      if (message.closed) closedReason = message.closed;
    } catch {
      // Only the server's close notice is sent on this socket.
    }
  });
  const interrupted = io.interrupted?.();
  const onInterrupt = (): void => control.ws.close();
  interrupted?.addEventListener('abort', onInterrupt, { once: true });
  await new Promise<void>((resolve) => control.ws.once('close', () => resolve()));
  interrupted?.removeEventListener('abort', onInterrupt);
  server.close();
  for (const socket of sockets) socket.destroy();
  if (interrupted?.aborted) return 0;
  io.err(`etphonehome: tunnel ${tunnelId} closed${closedReason ? `: ${closedReason}` : ''}`);
  return closedReason.startsWith('closed by') ? 0 : 1;
}

export const forwardCommand: Command = {
  name: 'forward',
  synopsis: 'forward <client> <spec>',
  summary: 'forward a local port to host:port as seen from a client (like ssh -L)',
  usage,
  run,
};
