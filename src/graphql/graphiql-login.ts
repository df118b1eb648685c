// The login layer of the GraphiQL page: a form that asks for the API key once, and a wrapper of
// window.fetch that adds "Authorization: Bearer <key>" to every same-origin request to the
// GraphQL endpoint (queries, mutations, introspection and SSE subscriptions: yoga's GraphiQL
// sends them all through globalThis.fetch).
//
// Why this shape:
// - The page is public but nothing it calls is, so requests made before login (introspection
//   on load) wait for the key instead of failing: GraphiQL then loads its schema without a
//   reload.
// - The key lives in sessionStorage (this tab only), or localStorage when the user ticks
//   "Remember". It only ever travels in a header: the server refuses keys in query strings,
//   and the inputs carry no `name`, so even a form submitted without this script sends nothing.
// - The form checks a key with one small query before accepting it and shows the server's own
//   401 message when it is refused; a later 401 (key rotated) brings the form back.

export interface LoginOptions {
  /** Path of the GraphQL endpoint the page talks to. */
  endpoint: string;
}

const STORAGE_KEY = 'etphonehome.apiKey';

/** JSON for a <script> block: `<` escaped so no value can close the script element. */
function scriptValue(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
#etph-login { position: fixed; inset: 0; z-index: 1000; display: flex; align-items: center;
  justify-content: center; background: rgba(15, 23, 42, 0.6);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
#etph-login[hidden], #etph-logout[hidden] { display: none; }
#etph-login form { width: min(440px, 92vw); padding: 24px 28px; border-radius: 10px;
  background: #fff; color: #0f172a; box-shadow: 0 20px 50px rgba(0, 0, 0, 0.35); }
#etph-login h2 { margin: 0 0 8px; font-size: 18px; }
#etph-login p { margin: 0 0 14px; color: #475569; }
#etph-login code { font-size: 12px; }
#etph-login label { display: block; margin-bottom: 10px; }
#etph-key { box-sizing: border-box; width: 100%; margin-top: 4px; padding: 8px 10px;
  border: 1px solid #94a3b8; border-radius: 6px; font: inherit; }
#etph-login #etph-login-error { min-height: 1.45em; color: #b91c1c; font-weight: 600; }
#etph-login button, #etph-logout { padding: 7px 16px; border: 0; border-radius: 6px;
  background: #e10098; color: #fff; font: inherit; cursor: pointer; }
#etph-login button:disabled { opacity: 0.6; cursor: wait; }
.graphiql-logo { white-space: nowrap; }
#etph-logout { position: fixed; right: 12px; bottom: 12px; z-index: 999; padding: 4px 10px;
  font: 12px system-ui, sans-serif; background: #334155; opacity: 0.85; }
`;

const MARKUP = `
<div id="etph-login" role="dialog" aria-modal="true" aria-labelledby="etph-login-title" hidden>
  <form id="etph-login-form" method="post" action="#">
    <h2 id="etph-login-title">ET Phone Home: log in</h2>
    <p>Enter the server's API key (in <code>&lt;data-dir&gt;/api_key</code> or
      <code>ETPHONEHOME_API_KEY</code>). This page sends it as an
      <code>Authorization</code> header with every request.</p>
    <label>API key <input id="etph-key" type="password" autocomplete="current-password" required
      spellcheck="false" /></label>
    <label><input id="etph-remember" type="checkbox" /> Remember on this browser</label>
    <p id="etph-login-error" role="alert"></p>
    <button id="etph-login-submit" type="submit">Log in</button>
  </form>
</div>
<button id="etph-logout" type="button" hidden title="Forget the API key">Log out</button>
`;

// Plain ES2020 for the browser; the two values are interpolated through scriptValue.
const script = (options: LoginOptions): string => `
(() => {
  const endpoint = new URL(${scriptValue(options.endpoint)}, location.href).pathname;
  const storageKey = ${scriptValue(STORAGE_KEY)};
  const nativeFetch = window.fetch.bind(window);
  let key = sessionStorage.getItem(storageKey) || localStorage.getItem(storageKey) || '';
  // While there is no key, API calls wait on keyReady; release() lets them go.
  let keyReady = Promise.resolve();
  let release = null;
  const holdCalls = () => {
    if (!release) keyReady = new Promise((resolve) => { release = resolve; });
  };
  const releaseCalls = () => {
    if (release) release();
    release = null;
  };
  if (!key) holdCalls();

  const messageOf = async (response) => {
    const fallback = 'The server answered ' + response.status + ' ' + response.statusText + '.';
    try {
      const body = await response.json();
      return (body && body.errors && body.errors[0] && body.errors[0].message) || fallback;
    } catch {
      return fallback;
    }
  };

  const forget = () => {
    key = '';
    sessionStorage.removeItem(storageKey);
    localStorage.removeItem(storageKey);
  };

  const el = (id) => document.getElementById(id);
  const showLogin = (message) => {
    el('etph-logout').hidden = true;
    el('etph-login-error').textContent = message || '';
    el('etph-login').hidden = false;
    el('etph-key').focus();
  };

  // Every same-origin call to the endpoint gets the key, unless the caller set its own
  // Authorization (the Headers pane still wins). Calls made while logged out wait for a key.
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== location.origin || url.pathname !== endpoint ||
        request.headers.has('authorization')) {
      return nativeFetch(request);
    }
    await keyReady;
    const sent = key;
    request.headers.set('authorization', 'Bearer ' + sent);
    const response = await nativeFetch(request);
    if (response.status === 401 && sent === key) {
      const message = await messageOf(response.clone());
      forget();
      holdCalls();
      showLogin('The server refused the saved key: ' + message);
    }
    return response;
  };

  // GraphiQL mirrors the editor into ?query=…, and the server takes a page request carrying
  // ?query for an operation (401 without a key): keep it out so that a reload still works.
  const replaceState = history.replaceState.bind(history);
  history.replaceState = (state, unused, url) => {
    if (url == null) return replaceState(state, unused);
    const next = new URL(url, location.href);
    next.searchParams.delete('query');
    return replaceState(state, unused, next);
  };

  const start = () => {
    const form = el('etph-login-form');
    const submit = el('etph-login-submit');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const candidate = el('etph-key').value.trim();
      if (!candidate) return;
      el('etph-login-error').textContent = 'Checking the key…';
      submit.disabled = true;
      try {
        const response = await nativeFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer ' + candidate },
          body: JSON.stringify({ query: 'query Login { __typename }' }),
        });
        if (!response.ok) {
          el('etph-login-error').textContent = 'Login failed: ' + (await messageOf(response));
          return;
        }
        key = candidate;
        sessionStorage.setItem(storageKey, key);
        if (el('etph-remember').checked) localStorage.setItem(storageKey, key);
        else localStorage.removeItem(storageKey);
        el('etph-key').value = '';
        el('etph-login').hidden = true;
        el('etph-logout').hidden = false;
        releaseCalls();
      } catch (error) {
        el('etph-login-error').textContent = 'Could not reach the server: ' + error.message;
      } finally {
        submit.disabled = false;
      }
    });
    // A reload drops what runs with the old key (open subscriptions) and shows the form.
    el('etph-logout').addEventListener('click', () => {
      forget();
      location.replace(location.pathname);
    });
    if (key) el('etph-logout').hidden = false;
    else showLogin('');
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;

/** Adds the login form and the fetch wrapper to the page GraphiQL's renderer produced. */
export function addLogin(html: string, options: LoginOptions): string {
  // Both markers come from @graphql-yoga/render-graphiql; failing loudly here beats serving a
  // page on which every request is refused.
  if (!html.includes('</head>') || !html.includes('<div id="root"></div>')) {
    throw new Error('GraphiQL page layout changed: cannot add the login form');
  }
  return html
    .replace(
      '</head>',
      () => `<style>${STYLE}</style>\n<script>${script(options)}</script>\n</head>`,
    )
    .replace('<div id="root"></div>', () => `${MARKUP}<div id="root"></div>`);
}
