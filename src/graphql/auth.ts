// HTTP authentication for /graphql (queries, mutations, SSE): every request but GraphiQL's
// page carries an API key, authenticated by the fleet (its principal kept for the request's
// context) and held, so that revoking the key ends the request at once. A refusal says why.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, errorCatalog, isAppError } from '../errors.js';
import type { Fleet, Principal } from '../fleet/index.js';
import { refusalBody } from './errors.js';

/** The bearer key of an HTTP Authorization header or graphql-ws connectionParams; null: none. */
export function bearerOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(.+)$/i.exec(value);
  return match ? (match[1] ?? '').trim() : value.trim() || null;
}

/** Query parameters people put a key in, by habit from other APIs. */
const KEY_PARAMETERS = ['api_key', 'apikey', 'key', 'token', 'access_token', 'authorization'];

/** The name of a query parameter that carries a key, if any (compared case-insensitively). */
function keyInUrl(url: URL): string | undefined {
  return [...url.searchParams.keys()].find((name) => KEY_PARAMETERS.includes(name.toLowerCase()));
}

/** The plugin that authenticates each HTTP request; `principals` receives each request's key. */
export function createAuthPlugin(
  fleet: Fleet,
  principals: WeakMap<IncomingMessage, Principal>,
): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      // GraphiQL's page is public (every call it makes needs the key); a GET that carries an
      // operation is not a page request, whatever its Accept header says.
      const wantsPage =
        request.method === 'GET' &&
        url.pathname === '/graphql' &&
        !url.searchParams.has('query') &&
        (request.headers.get('accept') ?? '').includes('text/html');
      if (wantsPage) return;
      const header = request.headers.get('authorization') ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header);
      let refusal =
        'Missing API key: send "Authorization: Bearer <key>" (the key is in <data-dir>/api_key or ETPHONEHOME_API_KEY).';
      if (match) {
        try {
          const principal = await fleet.keys.authenticate((match[1] ?? '').trim());
          const { req, res } = (serverContext ?? {}) as {
            req?: IncomingMessage;
            res?: ServerResponse;
          };
          if (req) {
            principals.set(req, principal);
            // Revoking the key (or its expiry) ends this request at once: a long command is
            // cancelled with it, an SSE stream ends.
            const release = fleet.keys.hold(principal, () => req.socket.destroy());
            req.socket.once('close', release);
            res?.once('close', release);
          }
          return;
        } catch (error) {
          if (!isAppError(error)) throw error;
          refusal = error.message;
        }
      }
      endResponse(
        new fetchAPI.Response(
          refusalBody(
            ErrorCode.unauthenticated,
            !match && keyInUrl(url)
              ? `Keys in URLs are not accepted (URLs end up in logs and histories; got a "${keyInUrl(url)}" parameter): send the API key as "Authorization: Bearer <key>" instead (the key is in <data-dir>/api_key or ETPHONEHOME_API_KEY, or one made by createApiKey).`
              : refusal,
          ),
          {
            status: errorCatalog.UNAUTHENTICATED.httpStatus ?? 401,
            headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
          },
        ),
      );
    },
  };
}
