// The composition root of `etphonehome server`: data directory → host key → API key → store →
// fleet service → tunnel hub (SSH) and API server (HTTP/WebSocket). Returns a handle that closes
// everything in the reverse order.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAuditLog } from './audit-log.js';
import type { ServerConfig } from './config.js';
import { createAuthorizedKeys } from './fleet/authorized-keys.js';
import { resolveIdentity } from './fleet/cluster/identity.js';
import { createFleet, type Fleet } from './fleet/index.js';
import { loadOrCreateWebhookSecret } from './fleet/webhooks/secret-file.js';
import { createSchema } from './graphql/schema.js';
import { createApiServer } from './graphql/server.js';
import { shippedDocuments } from './generated/trusted-documents.js';
import { documentHash } from './lib/document-hash.js';
import { lazyMcpDoor } from './mcp/lazy-door.js';
import { loadOrCreateHostKey } from './hub/host-key.js';
import { HTTP_URL_FILE, localHttpUrl } from './client/connection.js';
import { databasePath, prepareDataDir } from './data-dir.js';
import { createTunnelHub, type HubLimits } from './hub/tunnel-hub.js';
import type { ServerInfo } from './graphql/context.js';
import type { Logger } from './logger.js';
import { redactDatabaseUrl } from './store/database-url.js';
import type { Store } from './store/index.js';
import { openStore } from './store/open.js';
import { buffersScavengedEarly } from './lib/v8-heap.js';
import { createStreamDoor } from './stream/door.js';
import { PEER_PATH } from './fleet/cluster/peer-protocol.js';
import { STREAM_PATH } from './protocol/ws-stream.js';
import { VERSION } from './version.js';

export interface RunningServer {
  sshPort: number;
  httpPort: number;
  hostKeyFingerprint: string;
  fleet: Fleet;
  /** The server's own store (its client reads come from memory: write through it, not beside). */
  store: Store;
  close(): Promise<void>;
}

async function loadOrCreateApiKey(
  dataDir: string,
  fromEnv: string | null,
): Promise<{ key: string; created: boolean }> {
  if (fromEnv) return { key: fromEnv, created: false };
  const path = join(dataDir, 'api_key');
  try {
    const key = (await readFile(path, 'utf8')).trim();
    if (key.length >= 16) return { key, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64url');
  await writeFile(path, `${key}\n`, { mode: 0o600 });
  return { key, created: true };
}

/** The transfer roots as real paths; the default one is created, configured ones must exist. */
async function prepareTransferRoots(config: ServerConfig): Promise<string[]> {
  const fallback = join(config.dataDir, 'transfers');
  const roots: string[] = [];
  for (const root of config.transferRoots) {
    if (root === fallback) await mkdir(root, { recursive: true, mode: 0o700 });
    try {
      roots.push(await realpath(root));
    } catch {
      throw new Error(
        `Transfer root "${root}" (ETPHONEHOME_TRANSFER_ROOTS) does not exist; create it or fix the variable.`,
      );
    }
  }
  return roots;
}

/** Node's Buffer pool slab in the server process (see startServer). */
export const SERVER_BUFFER_POOL_BYTES = 1024;

export async function startServer(
  config: ServerConfig,
  logger: Logger,
  options: { print?: (text: string) => void; hubLimits?: Partial<HubLimits> } = {},
): Promise<RunningServer> {
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  // Each SSH connection keeps a few small buffers for its whole life (idents, the cipher's tag);
  // carved from Node's shared 8 KiB pool, each pins a whole slab: ~4.5 KiB per idle agent
  // (heap snapshots, bench/agent-memory.ts). 1 KiB slabs pin ~0.6 KiB and keep pooling for the
  // small short-lived buffers of every packet.
  Buffer.poolSize = SERVER_BUFFER_POOL_BYTES;
  // Before the keys are created: a missing database file beside existing keys refuses to start
  // (on PostgreSQL there is no file here: the operator created the database).
  const prepared = await prepareDataDir(config.dataDir, databasePath(config.dataDir), {
    allowNewDatabase: config.allowNewDatabase || config.databaseUrl !== null,
  });
  if (prepared.tightenedFrom !== null)
    logger.warn(
      { dataDir: config.dataDir, mode: prepared.tightenedFrom.toString(8) },
      'data directory was readable by others: tightened to 0700',
    );

  const localHostKey = await loadOrCreateHostKey(config.dataDir);
  const apiKey = await loadOrCreateApiKey(config.dataDir, config.apiKey);
  const storeLog = logger.child({ component: 'store' });
  const store = await openStore({
    file: databasePath(config.dataDir),
    databaseUrl: config.databaseUrl,
    applicationName: `etphonehome/${config.serverName}`,
    log: (message) => storeLog.debug({ orm: message }, 'store'),
  });

  const auditLog = config.auditLog ? await openAuditLog(config.auditLog, store, logger) : null;
  const transferRoots = await prepareTransferRoots(config);
  const webhookSecretFile = await loadOrCreateWebhookSecret(config.dataDir, config.webhooks.secret);
  // Several servers on one database present one host key and sign with one secret.
  const identity = await resolveIdentity(
    store,
    {
      hostKey: localHostKey,
      webhookSecret: { secret: webhookSecretFile.secret, fromEnv: webhookSecretFile.path === null },
    },
    logger.child({ component: 'cluster' }),
  );
  const hostKey = { ...identity.hostKey, created: localHostKey.created && !identity.shared };
  const webhookSecret = { ...webhookSecretFile, secret: identity.webhookSecret };
  // Read (and mirrored into the database) before the first login, so a key in this server's
  // file admits on every server of the database from the start.
  const authorizedKeys = createAuthorizedKeys(
    join(config.dataDir, 'authorized_keys'),
    logger.child({ component: 'admission' }),
    { store, server: config.serverName },
  );
  await authorizedKeys.refresh?.();
  const fleet = createFleet({
    store,
    logger,
    authorizedKeys,
    openEnrollment: config.openEnrollment,
    rateLimitDefaults: config.rateLimit,
    health: config.health,
    version: VERSION,
    transferRoots,
    webhooks: { settings: config.webhooks, globalSecret: webhookSecret.secret },
    recording: { dir: join(config.dataDir, 'recordings'), ...config.recording },
    shellIdleTimeoutMs: config.shellIdleMs,
    server: { name: config.serverName, peerUrl: config.peerUrl },
    bootstrapKey: apiKey.key,
    onEventRecorded: auditLog ? (event) => auditLog.write(event) : undefined,
    trustedDocuments: {
      enforced: config.trustedDocuments,
      shipped: new Set(shippedDocuments.map((document) => document.hash)),
    },
    confirmationTtlS: config.confirmationTtlS,
  });
  await fleet.start();

  const hub = createTunnelHub({
    hostKey: hostKey.privateKey,
    hubVersion: VERSION,
    logger: logger.child({ component: 'hub' }),
    authorize: fleet.agents.authorize,
    onSession: fleet.agents.attach,
    turnAway: fleet.agents.turnAway,
    limits: {
      keepaliveIntervalMs: config.sshKeepalive.intervalS * 1000,
      keepaliveCountMax: config.sshKeepalive.countMax,
      ...options.hubLimits,
    },
  });
  // Set once the SSH port listens: what token create needs to print a whole attach command.
  let serverInfo: ServerInfo | null = null;
  const schema = createSchema();
  const mcpLog = logger.child({ component: 'mcp' });
  // Loaded by the first request to /mcp (./mcp/lazy-door.ts), not at every start.
  const mcp = lazyMcpDoor(mcpLog, async () => {
    const [{ createMcpHttpHandler }, { createSchemaExecutor }] = await Promise.all([
      import('./mcp/http.js'),
      import('./mcp/executor.js'),
    ]);
    return createMcpHttpHandler({
      authenticate: fleet.keys.authenticate,
      hold: fleet.keys.hold,
      logger: mcpLog,
      version: VERSION,
      allowedOrigins: config.mcp.allowedOrigins,
      limits: config.mcp,
      executor: createSchemaExecutor({
        schema,
        logger: mcpLog,
        // MCP tools send shipped documents; a key held to trusted documents is checked all the same.
        admit: (document, caller) =>
          fleet.actingAs(caller.principal!).documents.admit(documentHash(document), caller),
        caughtUp: () => fleet.caughtUp(),
        contextFor: (caller) => {
          // The in-process executor runs for an authenticated MCP session only.
          if (!caller.principal) throw new Error('MCP call without a principal');
          const acting = fleet.actingAs(caller.principal);
          return {
            fleet: acting,
            caller,
            loaders: acting.createLoaders(),
            serverInfo: () => serverInfo,
          };
        },
      }),
    });
  });
  const streams = createStreamDoor({
    fleet,
    logger: logger.child({ component: 'stream' }),
  });
  const api = createApiServer({
    fleet,
    schema,
    logger: logger.child({ component: 'api' }),
    limits: config.graphql,
    subscriptions: config.graphql,
    routes: { '/mcp': mcp.handle },
    serverInfo: () => serverInfo,
    upgrades: { [STREAM_PATH]: streams.handleUpgrade, [PEER_PATH]: fleet.cluster.peerUpgrade },
  });

  let sshAddress;
  let httpAddress;
  try {
    sshAddress = await hub.listen(config.sshHost, config.sshPort);
    httpAddress = await api.listen(config.httpHost, config.httpPort);
  } catch (error) {
    authorizedKeys.close?.();
    await fleet.stop();
    await hub.close();
    await store.close();
    throw error;
  }
  // Where the CLI on this machine finds the API without flags (the port may be chosen at start).
  await writeFile(
    join(config.dataDir, HTTP_URL_FILE),
    `${localHttpUrl(config.httpHost, httpAddress.port)}\n`,
    { mode: 0o600 },
  );
  serverInfo = {
    version: VERSION,
    sshHost: config.sshHost,
    sshPort: sshAddress.port,
    hostKeyFingerprint: hostKey.fingerprint,
    openEnrollment: config.openEnrollment,
  };
  // V8's memory reducer takes only a flag given to Node at start (NODE_OPTIONS refuses it).
  // Said before `server listening`, so whoever waits for that line has this one too.
  const memoryReducerOn = !process.execArgv.includes('--no-memory-reducer');
  // The old generation's floor, also a start-only flag (docs/operations.md).
  const floorArg = process.execArgv.find((arg) => arg.startsWith('--initial-old-space-size='));
  const oldSpaceFloorMiB = floorArg ? Number(floorArg.slice(floorArg.indexOf('=') + 1)) : null;
  if (memoryReducerOn)
    logger.info(
      "V8's memory reducer is on: with many idle agents it adds full collections (a quarter of an idle 10,000-agent server's CPU); start Node with --no-memory-reducer, as npm start and the systemd unit in docs/operations.md do",
    );
  if (oldSpaceFloorMiB === null)
    logger.info(
      "V8's old generation has no floor: a small server relaying a busy tunnel marks its heap over and over (half the speed of ssh -L on Node 24); start Node with --initial-old-space-size=128, as npm start and the systemd unit in docs/operations.md do",
    );
  logger.info(
    {
      version: VERSION,
      sshHost: config.sshHost,
      sshPort: sshAddress.port,
      httpHost: config.httpHost,
      httpPort: httpAddress.port,
      dataDir: config.dataDir,
      serverName: config.serverName,
      peerUrl: config.peerUrl,
      database: config.databaseUrl ? redactDatabaseUrl(config.databaseUrl) : 'sqlite',
      hostKeyFingerprint: hostKey.fingerprint,
      openEnrollment: config.openEnrollment,
      trustedDocuments: config.trustedDocuments,
      v8MemoryReducer: memoryReducerOn,
      v8OldSpaceFloorMiB: oldSpaceFloorMiB,
      v8EarlyBufferScavenge: buffersScavengedEarly(),
    },
    'server listening',
  );

  if (hostKey.created || apiKey.created) {
    let token: string | null = null;
    if (!config.openEnrollment) {
      token = (
        await fleet.tokens.create(
          { name: 'first client', maxUses: 1, expiresInSeconds: 24 * 3600 },
          { actor: 'first start' },
        )
      ).token;
    }
    const serverAddress =
      config.sshHost === '0.0.0.0' || config.sshHost === '::'
        ? '<this-server-address>'
        : config.sshHost;
    print(
      [
        '',
        `ET Phone Home server ${VERSION} — first start in ${config.dataDir}`,
        '',
        `  GraphQL / GraphiQL   http://${config.httpHost}:${httpAddress.port}/graphql`,
        `  SSH (agents)         port ${sshAddress.port}, host key ${hostKey.fingerprint}`,
        apiKey.created
          ? `  API key              ${apiKey.key}   (saved in ${join(config.dataDir, 'api_key')}; shown once)`
          : '  API key              from ETPHONEHOME_API_KEY',
        identity.shared && webhookSecret.path
          ? '  Webhook secret       shared by the servers on this database (cluster_secret; docs/operations.md)'
          : webhookSecret.path
            ? `  Webhook secret       in ${webhookSecret.path} (receivers verify signatures with it; docs/webhooks.md)`
            : '  Webhook secret       from ETPHONEHOME_WEBHOOK_SECRET',
        '',
        'Attach a first client (on the machine to reach):',
        `  phonehome --init -s ${serverAddress} -p ${sshAddress.port} --server-fingerprint ${hostKey.fingerprint}${token ? ` --enroll ${token}` : ''}`,
        '  phonehome',
        token
          ? '  (that enrollment token admits one client within 24 h; more: etphonehome token create)'
          : '  (open enrollment is on: any key is admitted)',
        '',
      ].join('\n') + '\n',
    );
  }

  let closed = false;
  return {
    sshPort: sshAddress.port,
    httpPort: httpAddress.port,
    hostKeyFingerprint: hostKey.fingerprint,
    fleet,
    store,
    async close() {
      if (closed) return;
      closed = true;
      await fleet.disconnectAll('server shutting down');
      await fleet.stop();
      await mcp.close();
      streams.close();
      await api.close();
      await hub.close();
      await auditLog?.flush();
      authorizedKeys.close?.();
      await store.close();
    },
  };
}
