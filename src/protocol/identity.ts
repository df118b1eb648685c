// How an agent names itself when it logs in. The SSH username carries the agent's UUID and,
// when enrolling, an enrollment token: "<uuid>" or "<uuid>+<token>". SSH user authentication
// runs inside the encrypted transport, so the token never crosses the network in the clear.
// Tokens are base64url ("etph_…"), which never contains "+".
//
// A username is a secret when it carries a token: logs get describeLogin(), never the username.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{8,256}$/;

/** Characters of a token that may be logged: "etph_" and six more, as the server lists them. */
export const TOKEN_LOG_PREFIX_CHARS = 11;

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

/**
 * Checks an enrollment token as typed or pasted (surrounding whitespace removed); returns the
 * token, or a sentence saying what is wrong with it (which never repeats the token).
 */
export function checkEnrollmentToken(value: string): { token: string } | { problem: string } {
  const token = value.trim();
  if (token === '') return { problem: 'the enrollment token is empty' };
  if (TOKEN.test(token)) return { token };
  if (token.length < 8 || token.length > 256)
    return {
      problem: `an enrollment token has 8 to 256 characters (this one has ${token.length})`,
    };
  const bad = [...token].find((c) => !/[A-Za-z0-9_-]/.test(c)) ?? '?';
  return {
    problem: `an enrollment token has only letters, digits, "_" and "-" (this one has ${JSON.stringify(bad)}${/\s/.test(bad) ? ', whitespace inside it' : ''})`,
  };
}

/** What may be logged about a username that is not a valid agent login: no token, no secret. */
export function describeLogin(username: string): {
  usernameLength: number;
  uuid?: string;
  tokenPrefix?: string;
  tokenLength?: number;
  problem: string;
} {
  const plus = username.indexOf('+');
  const head = plus === -1 ? username : username.slice(0, plus);
  const token = plus === -1 ? null : username.slice(plus + 1);
  const described: ReturnType<typeof describeLogin> = {
    usernameLength: username.length,
    problem: '',
  };
  if (UUID.test(head.toLowerCase())) described.uuid = head.toLowerCase();
  if (token !== null) {
    described.tokenLength = token.length;
    // Only a long token's prefix: most of it stays unknown, as in the server's token list.
    if (token.length >= 2 * TOKEN_LOG_PREFIX_CHARS)
      described.tokenPrefix = token.slice(0, TOKEN_LOG_PREFIX_CHARS);
  }
  if (!described.uuid) {
    described.problem = head.trim().startsWith('etph_')
      ? 'the username is an enrollment token without the UUID before it'
      : 'the username does not start with a UUID';
  } else if (token !== null) {
    const checked = checkEnrollmentToken(token);
    described.problem =
      'problem' in checked ? checked.problem : 'the enrollment token has whitespace around it';
  } else described.problem = 'not an agent login';
  return described;
}
