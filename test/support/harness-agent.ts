// A real agent in the test's own process: the agent's tunnel (src/agent/tunnel.ts, reconnect loop
// and all) serving the real RPC handlers, with facts the test chooses, reaching the hub through a
// relay (./link-relay.ts) that can cut or freeze its link. What `phonehome` adds around it (the
// config file, key files, flags) is the end-to-end tests' business.

import { randomUUID } from 'node:crypto';
import { startTunnel, type Tunnel } from '../../src/agent/tunnel.js';
import type { FleetEvent } from '../../src/fleet/index.js';
import { fingerprintOf } from '../../src/lib/fingerprint.js';
import { generateEd25519KeyPair, type OpenSshKeyPair } from '../../src/lib/ssh-keygen.js';
import type { Notice } from '../../src/protocol/notice.js';
import type { AgentFacts } from '../../src/protocol/rpc.js';
import type { EventLog } from './event-log.js';
import { captureLog, type CapturedLog } from './in-process-hub.js';
import { startLinkRelay, type LinkRelay } from './link-relay.js';

/** Who the agent says it is, and what its machine allows. */
export interface AgentSpec {
  uuid?: string;
  /** Default "agent-<n>"; the server derives the clientId from it. */
  hostname?: string;
  platform?: string;
  capabilities?: string[];
  /** The machine's own ceiling (config.yaml allowed_paths); null: none. */
  allowedPaths?: string[] | null;
  /** Metadata the agent suggests for its first admission (phonehome --init --display-name …). */
  displayName?: string;
  purpose?: string;
  tags?: string[];
  enrollmentToken?: string | null;
}

export interface HarnessAgent {
  readonly uuid: string;
  readonly spec: AgentSpec;
  /** The fingerprint of the key it logs in with now. */
  readonly fingerprint: string;
  /** Its public key line, as `phonehome --show-key` prints it (for authorized_keys). */
  readonly publicKey: string;
  readonly log: CapturedLog;
  /** Every notice the server sent it. */
  readonly notices: Notice[];
  readonly relay: LinkRelay;
  /** Whether its reconnect loop is running. */
  readonly running: boolean;
  /** Starts the agent; resolves once the fleet records it online (unless `online: false`). */
  start(options?: { online?: boolean }): Promise<void>;
  /** Stops the agent politely (SSH goodbye); resolves once the fleet records it offline. */
  stop(): Promise<void>;
  /** Kills it: the link dies without a goodbye and nothing reconnects; resolves when offline. */
  kill(): Promise<void>;
  /** Cuts the link (a network failure): offline, then back by itself; resolves when back online. */
  cut(): Promise<void>;
  /** Stops every byte of its link both ways (a stopped process); thaw() resumes. */
  freeze(): void;
  thaw(): void;
  /** A new key (phonehome --generate-key), then reconnects: resolves on client.key_mismatch. */
  rekey(): Promise<FleetEvent>;
  /** Stops it and its relay for good. */
  close(): Promise<void>;
}

export interface AgentHost {
  readonly events: EventLog;
  readonly hubPort: number;
}

let count = 0;

function publicKeyFingerprint(publicLine: string): string {
  return fingerprintOf(Buffer.from(publicLine.split(' ')[1] ?? '', 'base64'));
}

export async function createHarnessAgent(
  host: AgentHost,
  spec: AgentSpec = {},
): Promise<HarnessAgent> {
  count += 1;
  const uuid = spec.uuid ?? randomUUID();
  const hostname = spec.hostname ?? `agent-${count}`;
  const relay = await startLinkRelay(() => host.hubPort);
  const log = captureLog('info');
  const notices: Notice[] = [];
  let key: OpenSshKeyPair = generateEd25519KeyPair(`phonehome@${hostname}`);
  let pinned: string | null = null;
  let token = spec.enrollmentToken ?? null;
  let tunnel: Tunnel | null = null;

  const facts = async (): Promise<AgentFacts> => ({
    uuid,
    hostname,
    platform: spec.platform ?? 'Linux',
    platformRelease: '6.1.0-test',
    arch: 'x64',
    agentVersion: 'test',
    username: 'test',
    capabilities: spec.capabilities ?? [],
    allowedPaths: spec.allowedPaths ?? null,
    suggested: {
      displayName: spec.displayName,
      purpose: spec.purpose,
      tags: spec.tags,
    },
  });

  const offline = (since: number) =>
    host.events.next({ type: 'client.disconnected', clientUuid: uuid }, { since });
  const online = (since: number) =>
    host.events.next({ type: 'client.connected', clientUuid: uuid }, { since });

  async function stopTunnel(): Promise<void> {
    const running = tunnel;
    tunnel = null;
    if (!running) return;
    running.stop();
    await running.done.catch(() => undefined);
  }

  const agent: HarnessAgent = {
    uuid,
    spec,
    get fingerprint() {
      return publicKeyFingerprint(key.public);
    },
    get publicKey() {
      return key.public;
    },
    log,
    notices,
    relay,
    get running() {
      return tunnel !== null;
    },

    async start(options = {}) {
      if (tunnel) throw new Error(`agent ${uuid} is already running`);
      const since = host.events.mark();
      relay.refusing = false;
      tunnel = startTunnel({
        servers: [{ host: '127.0.0.1', port: relay.port, pinnedFingerprint: pinned }],
        uuid,
        privateKey: key.private,
        enrollmentToken: token,
        allowedPaths: spec.allowedPaths ?? null,
        logger: log.logger,
        facts,
        async onTrustFirstUse(_server, fingerprint) {
          pinned = fingerprint;
        },
        async onRegistered() {
          token = null;
        },
        // Quick retries: tests wait for outcomes, not for backoff windows.
        backoff: { baseMs: 20, capMs: 300, healthyMs: 60_000 },
        onNotice: (notice) => notices.push(notice),
      });
      if (options.online !== false) await online(since);
    },

    async stop() {
      const since = host.events.mark();
      await stopTunnel();
      await offline(since);
    },

    async kill() {
      const since = host.events.mark();
      relay.refusing = true;
      relay.cut();
      await stopTunnel();
      await offline(since);
    },

    async cut() {
      const since = host.events.mark();
      relay.cut();
      await offline(since);
      await online(since);
    },

    freeze: () => relay.freeze(),
    thaw: () => relay.thaw(),

    async rekey() {
      await agent.stop();
      key = generateEd25519KeyPair(`phonehome@${hostname}`);
      const since = host.events.mark();
      await agent.start({ online: false });
      return host.events.next({ type: 'client.key_mismatch', clientUuid: uuid }, { since });
    },

    async close() {
      relay.refusing = true;
      relay.cut();
      await stopTunnel();
      await relay.close();
    },
  };
  return agent;
}
