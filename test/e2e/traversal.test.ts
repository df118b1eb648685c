// The traversal corpus end to end: every attempt goes through GraphQL, the server's own check
// and the agent's, against every file operation and runCommand's cwd, with the root as the
// client's allowedPaths; then the server-side localPath of transfers against the server's
// transfer root. Zero escapes: each attempt is a clear error, the canaries never read or
// changed, nothing created outside.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLRequestError } from '../../src/client/index.js';
import { mapWithConcurrency } from '../../src/lib/map-with-concurrency.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { RunCommandDocument, UpdateClientDocument } from '../support/operations.js';
import {
  DownloadFileDocument,
  ListFilesDocument,
  ReadFileDocument,
  UploadFileDocument,
  WriteFileDocument,
} from '../support/file-operations.js';
import {
  plantFixture,
  traversalPaths,
  type TraversalFixture,
} from '../support/traversal-corpus.js';

after(killAll);

const CLEAR_CODES = new Set(['PATH_DENIED', 'BAD_USER_INPUT', 'NOT_FOUND', 'AGENT_ERROR']);

async function snapshot(dir: string): Promise<string> {
  const names = (await readdir(dir)).sort();
  const parts = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(dir, name));
      return `${name}:${info.size}:${info.mtimeMs}`;
    }),
  );
  return parts.join('\n');
}

describe(
  'traversal corpus through the API',
  { skip: process.platform !== 'linux' && 'Linux fixtures' },
  () => {
    let server: TestServer;
    let agent: TestAgent;
    let clientSide: TraversalFixture;
    let serverSide: TraversalFixture;

    before(async () => {
      const base = await realpath(await mkdtemp(path.join(tmpdir(), 'etph-traversal-e2e-')));
      clientSide = await plantFixture(path.join(base, 'client'));
      serverSide = await plantFixture(path.join(base, 'server'));
      await writeFile(path.join(serverSide.root, 'payload.txt'), 'payload');
      server = await startServer({
        openEnrollment: true,
        env: { ETPHONEHOME_TRANSFER_ROOTS: serverSide.root },
      });
      agent = await createAgent(server, { displayName: 'traversal' });
      await agent.start();
      await agent.waitOnline(server);
      await server.gql.request(UpdateClientDocument, {
        id: agent.uuid,
        input: { allowedPaths: [clientSide.root] },
      });
    });
    after(async () => {
      await agent.close();
      await server.close();
    });

    async function attempt(
      call: () => Promise<unknown>,
      label: string,
      escapes: string[],
    ): Promise<void> {
      try {
        const result = await call();
        escapes.push(`${label} succeeded: ${JSON.stringify(result).slice(0, 200)}`);
      } catch (error) {
        if (!(error instanceof GraphQLRequestError) || !CLEAR_CODES.has(error.code ?? '')) {
          escapes.push(`${label}: unclear error ${String(error).slice(0, 300)}`);
        }
      }
    }

    test('client paths: every operation and cwd, zero escapes', async () => {
      const f = clientSide;
      const before = await snapshot(f.outside);
      const canaryMtime = (await stat(f.canary)).mtimeMs;
      const clientId = agent.uuid;
      const operations: Record<string, (p: string) => Promise<unknown>> = {
        readFile: (p) => server.gql.request(ReadFileDocument, { clientId, path: p }),
        writeFile: (p) =>
          server.gql.request(WriteFileDocument, {
            clientId,
            path: p,
            content: 'ESCAPE',
            createParents: true,
          }),
        listFiles: (p) => server.gql.request(ListFilesDocument, { clientId, path: p }),
        cwd: (p) =>
          server.gql.request(RunCommandDocument, {
            clientId,
            cmd: 'cat canary.txt; echo ESCAPE > escaped.txt',
            cwd: p,
          }),
        uploadFile: (p) =>
          server.gql.request(UploadFileDocument, {
            clientId,
            localPath: 'payload.txt',
            remotePath: p,
            createParents: true,
          }),
        downloadFile: (p) =>
          server.gql.request(DownloadFileDocument, {
            clientId,
            remotePath: p,
            localPath: 'downloaded/x',
          }),
      };
      const paths = traversalPaths(f);
      const jobs = Object.entries(operations).flatMap(([name, op]) =>
        paths.map((p) => ({
          label: `${name} ${JSON.stringify(p.slice(0, 160))}`,
          run: () => op(p),
        })),
      );
      const escapes: string[] = [];
      await mapWithConcurrency(jobs, 4, (job) => attempt(job.run, job.label, escapes));
      assert.ok(jobs.length >= 2000, `only ${jobs.length} attempts`);
      assert.deepEqual(escapes.slice(0, 20), [], `${escapes.length} escapes of ${jobs.length}`);
      assert.equal(await readFile(f.canary, 'utf8'), f.canaryContent);
      assert.equal((await stat(f.canary)).mtimeMs, canaryMtime);
      assert.equal(await snapshot(f.outside), before);
    });

    test('server-side localPath of transfers: zero escapes from the transfer root', async () => {
      const f = serverSide;
      const before = await snapshot(f.outside);
      const canaryMtime = (await stat(f.canary)).mtimeMs;
      const remoteFile = path.join(clientSide.root, 'sub', 'a.txt');
      const paths = traversalPaths(f);
      const escapes: string[] = [];
      await mapWithConcurrency(paths, 4, async (p) => {
        await attempt(
          () =>
            server.gql.request(UploadFileDocument, {
              clientId: agent.uuid,
              localPath: p,
              remotePath: path.join(clientSide.root, 'uploaded.txt'),
            }),
          `uploadFile localPath ${JSON.stringify(p.slice(0, 160))}`,
          escapes,
        );
        // A relative localPath is a legitimate name inside the root: there a download may land.
        if (path.isAbsolute(p) || p.includes('\0')) {
          await attempt(
            () =>
              server.gql.request(DownloadFileDocument, {
                clientId: agent.uuid,
                remotePath: remoteFile,
                localPath: p,
              }),
            `downloadFile localPath ${JSON.stringify(p.slice(0, 160))}`,
            escapes,
          );
        }
      });
      assert.deepEqual(escapes.slice(0, 20), [], `${escapes.length} escapes`);
      assert.equal(await readFile(f.canary, 'utf8'), f.canaryContent);
      assert.equal((await stat(f.canary)).mtimeMs, canaryMtime);
      assert.equal(await snapshot(f.outside), before);
      await assert.rejects(stat(path.join(clientSide.root, 'uploaded.txt')));
    });
  },
);
