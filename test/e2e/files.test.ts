// File operations and transfers end to end through GraphQL: a real server, a real agent, real
// files. Allowed paths on both levels (the client's and the agent owner's ceiling), refusals
// recorded and leaving the disk untouched, transfers verified, followed and resumed.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  realpath,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ConfigureClientDocument, UpdateClientDocument } from '../support/operations.js';
import {
  DownloadFileDocument,
  FileEventsDocument,
  ListFilesDocument,
  ReadFileDocument,
  TransferProgressSubscription,
  UploadFileDocument,
  WriteFileDocument,
} from '../support/file-operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes `allowed_paths` into an agent's config.yaml (before it starts). */
export async function setAgentCeiling(agent: TestAgent, roots: string[] | null): Promise<void> {
  const file = join(agent.configDir, 'config.yaml');
  const config = YAML.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  config['allowed_paths'] = roots;
  await writeFile(file, YAML.stringify(config));
}

describe('file operations and transfers', () => {
  let server: TestServer;
  let agent: TestAgent;
  let ceilinged: TestAgent;
  let work: string;
  let jail: string;
  let outside: string;
  let transfers: string;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    transfers = join(server.dataDir, 'transfers');
    work = await realpath(await mkdtemp(join(tmpdir(), 'etph-files-e2e-')));
    jail = join(work, 'jail');
    outside = join(work, 'outside');
    await mkdir(jail);
    await mkdir(outside);
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(outside, join(jail, 'escape'));
    agent = await createAgent(server, { displayName: 'files-e2e' });
    await agent.start();
    ceilinged = await createAgent(server, { displayName: 'files-ceiling' });
    await setAgentCeiling(ceilinged, [jail]);
    await ceilinged.start();
    await agent.waitOnline(server);
    await ceilinged.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await ceilinged.close();
    await server.close();
  });

  test('text and binary content round-trip; listings; file_accessed events', async () => {
    const file = join(work, 'notes', 'a.txt');
    const written = await server.gql.request(WriteFileDocument, {
      clientId: agent.uuid,
      path: file,
      content: 'héllo\n',
      createParents: true,
    });
    assert.equal(written.writeFile.size, 7);
    const read = await server.gql.request(ReadFileDocument, { clientId: agent.uuid, path: file });
    assert.equal(read.readFile.content, 'héllo\n');
    assert.equal(read.readFile.encoding, 'TEXT');

    const bytes = randomBytes(4096);
    const binary = join(work, 'notes', 'b.bin');
    await server.gql.request(WriteFileDocument, {
      clientId: agent.uuid,
      path: binary,
      content: bytes.toString('base64'),
      encoding: 'BASE64',
    });
    assert.deepEqual(await readFile(binary), bytes);
    const back = await server.gql.request(ReadFileDocument, {
      clientId: agent.uuid,
      path: binary,
      encoding: 'BASE64',
    });
    assert.deepEqual(Buffer.from(back.readFile.content, 'base64'), bytes);
    await expectError(
      server.gql.request(ReadFileDocument, { clientId: agent.uuid, path: binary }),
      'BAD_USER_INPUT',
      /not valid UTF-8.*BASE64/,
    );

    const listing = await server.gql.request(ListFilesDocument, {
      clientId: agent.uuid,
      path: join(work, 'notes'),
    });
    assert.deepEqual(
      listing.listFiles.entries.map((e) => [e.name, e.type, e.size]),
      [
        ['a.txt', 'FILE', 7],
        ['b.bin', 'FILE', 4096],
      ],
    );

    const events = await server.gql.request(FileEventsDocument, { clientId: agent.uuid });
    const operations = events.events
      .filter((e) => e.event === 'file_accessed')
      .map((e) => e.data as { operation: string; path: string; size: number });
    for (const operation of ['read_file', 'write_file', 'list_files']) {
      assert.ok(
        operations.some((d) => d.operation === operation && typeof d.size === 'number'),
        operation,
      );
    }
    assert.ok(operations.some((d) => d.operation === 'write_file' && d.path === binary));
  });

  test('the client allowedPaths: PATH_DENIED naming path and roots, an event, nothing on disk', async () => {
    await server.gql.request(UpdateClientDocument, {
      id: agent.uuid,
      input: { allowedPaths: [jail] },
    });
    try {
      const target = join(outside, 'new-dir', 'x.txt');
      const error = await expectError(
        server.gql.request(WriteFileDocument, {
          clientId: agent.uuid,
          path: target,
          content: 'x',
          createParents: true,
        }),
        'PATH_DENIED',
      );
      assert.ok(error.message.includes(target) && error.message.includes(jail), error.message);
      await assert.rejects(stat(join(outside, 'new-dir')));

      // Lexically inside, really outside: the agent resolves the symlink and refuses.
      const viaLink = join(jail, 'escape', 'secret.txt');
      await expectError(
        server.gql.request(ReadFileDocument, { clientId: agent.uuid, path: viaLink }),
        'PATH_DENIED',
        /outside the allowed paths/,
      );
      await expectError(
        server.gql.request(WriteFileDocument, {
          clientId: agent.uuid,
          path: join(jail, 'escape', 'planted', 'f'),
          content: 'x',
          createParents: true,
        }),
        'PATH_DENIED',
      );
      await assert.rejects(stat(join(outside, 'planted')));
      assert.equal(await readFile(join(outside, 'secret.txt'), 'utf8'), 'secret');

      const refused = (
        await server.gql.request(FileEventsDocument, { clientId: agent.uuid })
      ).events.filter((e) => e.event === 'operation_refused');
      const paths = refused.map((e) => (e.data as { path: string; code: string }).path);
      assert.ok(paths.includes(target), 'server refusal recorded');
      assert.ok(paths.includes(viaLink), 'agent refusal recorded');
    } finally {
      await server.gql.request(UpdateClientDocument, {
        id: agent.uuid,
        input: { allowedPaths: null },
      });
    }
  });

  test("the agent owner's ceiling holds even when the server allows everything", async () => {
    await expectError(
      server.gql.request(ReadFileDocument, {
        clientId: ceilinged.uuid,
        path: join(outside, 'secret.txt'),
      }),
      'PATH_DENIED',
      /config\.yaml allowed_paths/,
    );
    await writeFile(join(jail, 'ok.txt'), 'fine');
    const ok = await server.gql.request(ReadFileDocument, {
      clientId: ceilinged.uuid,
      path: join(jail, 'ok.txt'),
    });
    assert.equal(ok.readFile.content, 'fine');
  });

  test('upload and download verify SHA-256, report progress and land atomically', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 17);
    await writeFile(join(transfers, 'up.bin'), content);
    const expected = createHash('sha256').update(content).digest('hex');
    const progress = await server.subscribe(TransferProgressSubscription, {
      transferId: 'up-1',
    });
    const remote = join(work, 'received', 'up.bin');
    const { uploadFile } = await server.gql.request(UploadFileDocument, {
      clientId: agent.uuid,
      localPath: 'up.bin',
      remotePath: remote,
      transferId: 'up-1',
      createParents: true,
    });
    assert.equal(uploadFile.state, 'COMPLETED');
    assert.equal(uploadFile.sha256, expected);
    assert.equal(uploadFile.totalBytes, content.length);
    assert.equal(await sha256Of(remote), expected);
    assert.deepEqual(await readdir(join(work, 'received')), ['up.bin'], 'no partial file left');
    const last = await progress.next((d) => d.transferProgress.state === 'COMPLETED');
    assert.equal(last.transferProgress.bytesDone, content.length);
    progress.close();

    const { downloadFile } = await server.gql.request(DownloadFileDocument, {
      clientId: agent.uuid,
      remotePath: remote,
      localPath: 'back/down.bin',
    });
    assert.equal(downloadFile.sha256, expected);
    assert.equal(await sha256Of(join(transfers, 'back', 'down.bin')), expected);
    assert.deepEqual(await readdir(join(transfers, 'back')), ['down.bin']);

    const events = (await server.gql.request(FileEventsDocument, { clientId: agent.uuid })).events;
    for (const operation of ['upload_file', 'download_file']) {
      const event = events.find((e) => (e.data as { operation: string }).operation === operation);
      assert.ok(event, operation);
      assert.equal((event.data as { size: number }).size, content.length);
    }
  });

  test('server-side paths stay inside the transfer roots', async () => {
    for (const localPath of [
      '/etc/passwd',
      '../api_key',
      'a/../../api_key',
      join(server.dataDir, 'api_key'),
    ]) {
      await expectError(
        server.gql.request(UploadFileDocument, {
          clientId: agent.uuid,
          localPath,
          remotePath: join(work, 'stolen'),
        }),
        'PATH_DENIED',
        /transfer roots/,
      );
      await expectError(
        server.gql.request(DownloadFileDocument, {
          clientId: agent.uuid,
          remotePath: join(outside, 'secret.txt'),
          localPath,
        }),
        'PATH_DENIED',
      );
    }
    await symlink(server.dataDir, join(transfers, 'data-link'));
    await expectError(
      server.gql.request(UploadFileDocument, {
        clientId: agent.uuid,
        localPath: 'data-link/api_key',
        remotePath: join(work, 'stolen'),
      }),
      'PATH_DENIED',
    );
    await assert.rejects(stat(join(work, 'stolen')));
    assert.ok((await readFile(join(server.dataDir, 'api_key'), 'utf8').catch(() => 'none')) !== '');
  });

  test('an upload and a download cut in the middle resume after the verified bytes', async () => {
    const size = 96 * 1024 * 1024;
    const source = join(transfers, 'big.bin');
    const hash = createHash('sha256');
    {
      const chunk = randomBytes(1024 * 1024);
      const parts: Buffer[] = [];
      for (let i = 0; i < size / chunk.length; i++) {
        chunk[0] = i & 0xff;
        hash.update(chunk);
        parts.push(Buffer.from(chunk));
      }
      await writeFile(source, Buffer.concat(parts));
    }
    const expected = hash.digest('hex');
    const remote = join(work, 'resume', 'big.bin');

    for (const direction of ['upload', 'download'] as const) {
      const transferId = `cut-${direction}`;
      const progress = await server.subscribe(TransferProgressSubscription, { transferId });
      const start =
        direction === 'upload'
          ? server.gql.request(UploadFileDocument, {
              clientId: agent.uuid,
              localPath: 'big.bin',
              remotePath: remote,
              transferId,
              createParents: true,
            })
          : server.gql.request(DownloadFileDocument, {
              clientId: agent.uuid,
              remotePath: remote,
              localPath: 'big-back.bin',
              transferId,
            });
      const failed = expectError(start, 'AGENT_UNAVAILABLE');
      await progress.next((d) => d.transferProgress.bytesDone > size / 4, 60_000);
      await agent.stop('SIGKILL'); // the link breaks in the middle
      await failed;
      progress.close();
      await agent.start();
      await agent.waitOnline(server);

      const resumed =
        direction === 'upload'
          ? (
              await server.gql.request(UploadFileDocument, {
                clientId: agent.uuid,
                localPath: 'big.bin',
                remotePath: remote,
              })
            ).uploadFile
          : (
              await server.gql.request(DownloadFileDocument, {
                clientId: agent.uuid,
                remotePath: remote,
                localPath: 'big-back.bin',
              })
            ).downloadFile;
      assert.ok(resumed.resumedFrom > 0, `${direction} resumed from ${resumed.resumedFrom}`);
      assert.equal(resumed.sha256, expected);
      const landed = direction === 'upload' ? remote : join(transfers, 'big-back.bin');
      assert.equal(await sha256Of(landed), expected);
    }
  });

  test('a transfer holds a rate-limit permit for its whole duration', async () => {
    await server.gql.request(ConfigureClientDocument, {
      id: agent.uuid,
      input: { rateLimitConcurrent: 1, rateLimitMode: 'ENFORCE', rateLimitRpm: 1_000_000 },
    });
    try {
      await writeFile(join(transfers, 'permit.bin'), Buffer.alloc(384 * 1024 * 1024, 1));
      const progress = await server.subscribe(TransferProgressSubscription, {
        transferId: 'permit',
      });
      const upload = server.gql.request(UploadFileDocument, {
        clientId: agent.uuid,
        localPath: 'permit.bin',
        remotePath: join(work, 'permit.bin'),
        transferId: 'permit',
      });
      await progress.next((d) => d.transferProgress.bytesDone > 0);
      await expectError(
        server.gql.request(ListFilesDocument, { clientId: agent.uuid, path: work }),
        'RATE_LIMITED',
      );
      assert.equal((await upload).uploadFile.state, 'COMPLETED');
      progress.close();
      const listing = await server.gql.request(ListFilesDocument, {
        clientId: agent.uuid,
        path: work,
      });
      assert.ok(listing.listFiles.entries.some((e) => e.name === 'permit.bin'));
    } finally {
      await server.gql.request(ConfigureClientDocument, {
        id: agent.uuid,
        input: { rateLimitConcurrent: null, rateLimitMode: null, rateLimitRpm: null },
      });
    }
  });

  test('bad input: relative, empty and over-long paths; unknown transfer ids', async () => {
    await expectError(
      server.gql.request(ReadFileDocument, { clientId: agent.uuid, path: 'etc/passwd' }),
      'BAD_USER_INPUT',
      /not absolute/,
    );
    await expectError(
      server.gql.request(ListFilesDocument, { clientId: agent.uuid, path: '/' + 'a'.repeat(5000) }),
      'BAD_USER_INPUT',
    );
    await expectError(
      server.gql.request(UploadFileDocument, {
        clientId: agent.uuid,
        localPath: 'x',
        remotePath: '/tmp/x',
        transferId: 'has spaces',
      }),
      'BAD_USER_INPUT',
      /transferId/,
    );
    await waitFor(async () => true);
  });
});
