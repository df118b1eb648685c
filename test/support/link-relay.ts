// A TCP relay between one in-process agent and the hub, so a test can do to the link what the
// network and the operating system do to a real one, without touching our modules:
//
//   agent ──TCP──▶ relay (127.0.0.1:port) ──TCP──▶ hub (whatever port it listens on now)
//
//   cut()     both sockets destroyed at once: a crash or a dead path, no SSH goodbye
//   freeze()  no byte moves either way (a SIGSTOPped process, a black-holed route); a close on
//             one side is held back until thaw(), as a stopped process notices nothing
//   refuse    new connections are dropped at accept (a machine switched off)
//
// The hub's port is asked for on each new connection, so the fleet can restart on another port.

import net from 'node:net';

export interface LinkRelay {
  readonly port: number;
  /** Connections carried now. */
  readonly connections: number;
  /** Destroys every connection now (the agent reconnects unless it is stopped or refused). */
  cut(): void;
  freeze(): void;
  thaw(): void;
  /** While true, new connections are dropped as they arrive. */
  refusing: boolean;
  close(): Promise<void>;
}

interface Pair {
  agent: net.Socket;
  hub: net.Socket;
  /** A side closed while frozen: the other is closed on thaw. */
  pendingClose: boolean;
}

export async function startLinkRelay(hubPort: () => number): Promise<LinkRelay> {
  const pairs = new Set<Pair>();
  let frozen = false;

  const server = net.createServer((agent) => {
    agent.setNoDelay(true);
    if (relay.refusing) return void agent.destroy();
    const hub = net.connect({ host: '127.0.0.1', port: hubPort() });
    hub.setNoDelay(true);
    const pair: Pair = { agent, hub, pendingClose: false };
    pairs.add(pair);
    if (frozen) {
      agent.pause();
      hub.pause();
    }
    // Bytes, a half-close (end) and a close travel on as they came; frozen, none of them.
    const carry = (from: net.Socket, to: net.Socket): void => {
      from.on('data', (chunk: Buffer) => {
        if (!to.write(chunk)) from.pause();
      });
      to.on('drain', () => {
        if (!frozen) from.resume();
      });
      from.on('end', () => {
        if (frozen) pair.pendingClose = true;
        else to.end();
      });
      from.on('error', () => undefined); // the other side learns of it through close
      from.on('close', () => {
        if (frozen) return void (pair.pendingClose = true);
        // Ended cleanly: what is buffered still goes out, then FIN; otherwise drop at once.
        if (!to.writableEnded) to.destroy();
        pairs.delete(pair);
      });
    };
    carry(agent, hub);
    carry(hub, agent);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const relay: LinkRelay = {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return pairs.size;
    },
    refusing: false,
    cut() {
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        pair.agent.destroy();
        pair.hub.destroy();
      }
    },
    freeze() {
      frozen = true;
      for (const { agent, hub } of pairs) {
        agent.pause();
        hub.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const pair of [...pairs]) {
        if (pair.pendingClose) {
          pairs.delete(pair);
          pair.agent.destroy();
          pair.hub.destroy();
          continue;
        }
        pair.agent.resume();
        pair.hub.resume();
      }
    },
    async close() {
      relay.refusing = true;
      frozen = false;
      relay.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return relay;
}
