// Issue 17, item 4: GraphiQL's page is served small, compressed and cached, and cannot be framed.
// The 9 MB self-contained page is split once into a page of kilobytes and content-addressed
// assets (immutable); bodies are brotli or gzip by Accept-Encoding; the page has an ETag (304),
// X-Frame-Options DENY and a CSP with frame-ancestors 'none' that admits its inline script by
// hash; a link with ?query= is sent to the bare page, so it pre-loads nothing. A real server.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';

after(killAll);

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(server: TestServer, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

const html = { accept: 'text/html' };

test('the GraphiQL page is small, compressed, cached and not frameable; its assets are immutable', async () => {
  const server = await startServer();
  try {
    const page = await get(server, '/graphql', { ...html, 'accept-encoding': 'gzip, br' });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-encoding'], 'br');
    assert.ok(page.body.length < 64 * 1024, `compressed page of ${page.body.length} bytes`);
    const text = brotliDecompressSync(page.body).toString('utf8');
    assert.ok(text.length < 512 * 1024, `page of ${text.length} characters`);
    assert.match(text, /<title>ET Phone Home<\/title>/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'none'/);
    // The one inline script left (the login) is admitted by its hash, and nothing else inline.
    const inline = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    assert.equal(inline.length, 1);
    const digest = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    assert.match(csp, new RegExp(`script-src 'self' 'sha256-${digest.replace(/[+/]/g, '\\$&')}'`));
    assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/);

    // Cached: the same ETag again is a 304 with no body; gzip when brotli is not accepted.
    const etag = String(page.headers.etag);
    const again = await get(server, '/graphql', { ...html, 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const gz = await get(server, '/graphql', { ...html, 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString('utf8'), text);

    // The assets: content-addressed, immutable, compressed; the big script is there.
    const assets = [...text.matchAll(/(?:src|href)="(\/graphql\/assets\/[^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')));
    let total = 0;
    for (const path of assets) {
      const asset = await get(server, path, { 'accept-encoding': 'br' });
      assert.equal(asset.status, 200, path);
      assert.match(String(asset.headers['cache-control']), /immutable/);
      assert.equal(asset.headers['content-encoding'], 'br');
      total += brotliDecompressSync(asset.body).length;
    }
    assert.ok(total > 1024 * 1024, `assets hold GraphiQL (${total} bytes)`);
    assert.equal((await get(server, '/graphql/assets/nothing.js', {})).status, 404);

    // A link carrying an operation does not pre-load it: the browser is sent to the bare page.
    const link = await get(server, '/graphql?query=mutation%7BdecommissionClient%7D', html);
    assert.equal(link.status, 303);
    assert.equal(link.headers.location, '/graphql');
    assert.doesNotMatch(link.body.toString('utf8'), /decommissionClient/);
  } finally {
    await server.stop();
  }
});
