// How an agent names itself when it logs in. The SSH username carries the agent's UUID and,
// when enrolling, an enrollment token: "<uuid>" or "<uuid>+<token>". SSH user authentication
// runs inside the encrypted transport, so the token never crosses the network in the clear.
// Tokens are base64url ("etph_…"), which never contains "+".

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{8,256}$/;

export interface AgentLogin {
  uuid: string;
  enrollmentToken: string | null;
}

export function formatAgentLogin(login: AgentLogin): string {
  return login.enrollmentToken ? `${login.uuid}+${login.enrollmentToken}` : login.uuid;
}

/** Parses an SSH username; null when it is not an agent login. */
export function parseAgentLogin(username: string): AgentLogin | null {
  const plus = username.indexOf('+');
  const uuid = (plus === -1 ? username : username.slice(0, plus)).toLowerCase();
  const token = plus === -1 ? null : username.slice(plus + 1);
  if (!UUID.test(uuid)) return null;
  if (token !== null && !TOKEN.test(token)) return null;
  return { uuid, enrollmentToken: token };
}

export function isUuid(value: string): boolean {
  return UUID.test(value.toLowerCase());
}
