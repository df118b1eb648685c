// A misbehaving agent for robustness tests: a raw ssh2 client that logs in like an agent and
// then does whatever the test tells it to (reply garbage, send huge lines, open channels …).

import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { BaseAgent, Client as Ssh2Client } from 'ssh2';
import ssh2 from '../../src/lib/ssh2.js';
import { randomUUID } from 'node:crypto';
import type { TestServer } from './server.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';

export interface HostileOptions {
  uuid?: string;
  privateKey?: string;
  /** Handles the calls the server makes on their channels. */
  onCall?(channel: Duplex, request: { id: number; method: string }): void;
  /** Answer hello and heartbeat like a real agent (default), passing only other calls on. */
  polite?: boolean;
  /** Request the reverse forward (default true). */
  forward?: boolean;
  agent?: BaseAgent;
}

export interface HostileAgent {
  uuid: string;
  client: Ssh2Client;
  socket: net.Socket;
  ready: Promise<void>;
  closed: Promise<void>;
  end(): void;
}

export function newKey(): { private: string; public: string } {
  return generateEd25519KeyPair();
}

export function connectHostile(server: TestServer, options: HostileOptions = {}): HostileAgent {
  const uuid = options.uuid ?? randomUUID();
  const client = new ssh2.Client();
  const socket = net.connect({ host: '127.0.0.1', port: server.sshPort });
  socket.on('error', () => undefined);
  client.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('close', () => reject(new Error('closed before ready')));
  });
  ready.catch(() => undefined);
  client.on('tcp connection', (_info, accept) => {
    const channel = accept();
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline === -1) return;
      channel.off('data', onData);
      const request = JSON.parse(buffer.slice(0, newline)) as { id: number; method: string };
      if (options.polite !== false && request.method === 'hello')
        return void channel.end(helloReply(request.id, uuid));
      if (options.polite !== false && request.method === 'heartbeat') {
        return void channel.end(
          JSON.stringify({
            jsonrpc: '2.0',
            id: request.id,
            result: { time: Date.now(), uptimeS: 1 },
          }) + '\n',
        );
      }
      options.onCall?.(channel, request);
    };
    channel.on('data', onData);
    channel.on('error', () => undefined);
  });
  client.once('ready', () => {
    if (options.forward !== false) client.forwardIn('127.0.0.1', 0, () => undefined);
  });
  socket.once('connect', () => {
    client.connect({
      sock: socket,
      username: uuid,
      ...(options.agent
        ? { agent: options.agent }
        : { privateKey: options.privateKey ?? newKey().private }),
      readyTimeout: 10_000,
    });
  });
  return { uuid, client, socket, ready, closed, end: () => client.end() };
}

/** A well-behaved hello reply for `uuid`, so the hostile agent gets registered first. */
export function helloReply(id: number, uuid: string): string {
  return (
    JSON.stringify({
      jsonrpc: '2.0',
      id,
      result: {
        uuid,
        hostname: 'hostile',
        platform: 'Linux',
        platformRelease: '0',
        arch: 'x64',
        agentVersion: '0',
        username: 'mallory',
        capabilities: [],
        allowedPaths: null,
        suggested: {},
      },
    }) + '\n'
  );
}
