// GraphiQL's page, served cheaply and safely (issue 17, item 4). Rendered as one self-contained
// document it is 9 MB (Monaco and GraphiQL inline) and cost ~0.1 CPU-second per unauthenticated
// request. Here it is rendered once, on the first request: its large inline scripts and styles
// move to content-addressed assets (`/graphql/assets/<hash>.js`, cached for a year, immutable),
// leaving a page of a few kilobytes; every body is compressed once (brotli and gzip) and chosen
// by Accept-Encoding; the page carries an ETag (304 when unchanged), `X-Frame-Options: DENY` and
// a Content-Security-Policy that admits exactly its own scripts (the small inline login script
// by hash) and forbids framing.

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Inline blocks larger than this move to assets; smaller ones stay (the login script). */
const INLINE_MAX_CHARS = 64 * 1024;
export const ASSET_PREFIX = '/graphql/assets/';

interface Body {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
  contentType: string;
}

export interface GraphiQLFiles {
  page: Body;
  assets: Map<string, Body>;
  csp: string;
}

const hashOf = (data: string | Buffer, encoding: 'hex' | 'base64') =>
  createHash('sha256').update(data).digest(encoding);

async function compressed(text: string, contentType: string): Promise<Body> {
  const identity = Buffer.from(text, 'utf8');
  // Quality 5: most of brotli's gain on 9 MB for a fraction of quality 11's time (once per run).
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    gzipAsync(identity, { level: 6 }),
  ]);
  return { identity, br, gzip: gz, etag: `"${hashOf(identity, 'hex').slice(0, 32)}"`, contentType };
}

/** Splits a rendered page into a small page, its assets and the policy that fits them. */
export async function buildGraphiQLFiles(html: string): Promise<GraphiQLFiles> {
  const assets = new Map<string, Body>();
  const inlineScripts: string[] = [];
  const pending: Promise<void>[] = [];
  const page = html.replace(
    /<(script|style)>([\s\S]*?)<\/\1>/g,
    (block, tag: string, content: string) => {
      if (content.length <= INLINE_MAX_CHARS) {
        if (tag === 'script') inlineScripts.push(content);
        return block;
      }
      const ext = tag === 'script' ? 'js' : 'css';
      const name = `${hashOf(content, 'hex').slice(0, 20)}.${ext}`;
      const type = tag === 'script' ? 'text/javascript' : 'text/css';
      pending.push(
        compressed(content, `${type}; charset=utf-8`).then((body) => {
          assets.set(name, body);
        }),
      );
      return tag === 'script'
        ? `<script src="${ASSET_PREFIX}${name}"></script>`
        : `<link rel="stylesheet" href="${ASSET_PREFIX}${name}" />`;
    },
  );
  await Promise.all(pending);
  const scriptHashes = inlineScripts.map((s) => `'sha256-${hashOf(s, 'base64')}'`).join(' ');
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes}`,
    // GraphiQL and Monaco set styles from script; Monaco's workers start from blob: URLs.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { page: await compressed(page, 'text/html; charset=utf-8'), assets, csp };
}

/** brotli, gzip or none, as the request accepts (q=0 refuses). */
function encodingFor(req: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of String(req.headers['accept-encoding'] ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return null;
}

/** Answers a GET/HEAD with one of the bodies: 304 on a matching ETag, else the encoded body. */
export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  body: Body,
  headers: Record<string, string>,
): void {
  const common = { ...headers, etag: body.etag, vary: 'Accept-Encoding' };
  if (req.headers['if-none-match'] === body.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const encoding = encodingFor(req);
  const data = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.identity;
  res.writeHead(200, {
    ...common,
    'content-type': body.contentType,
    'content-length': String(data.length),
    'x-content-type-options': 'nosniff',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** The page's own headers: no framing, the policy, revalidated on every load. */
export function pageHeaders(files: GraphiQLFiles): Record<string, string> {
  return {
    'cache-control': 'no-cache',
    'x-frame-options': 'DENY',
    'content-security-policy': files.csp,
    'referrer-policy': 'no-referrer',
  };
}

export const ASSET_HEADERS = Object.freeze({
  'cache-control': 'public, max-age=31536000, immutable',
});
