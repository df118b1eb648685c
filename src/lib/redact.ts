// Hides obvious secrets in a command line before it is stored or sent anywhere (audit events,
// webhooks, logs). Conservative by design: it masks values, never drops the command.
//
// Two kinds of rule: secrets recognised by where they stand (NAME=value, --password value,
// Authorization headers, URL credentials, the -p of clients known to take a password there), and
// secrets recognised by their own shape wherever they stand (GitHub, GitLab, Slack, AWS, Stripe,
// npm tokens, JWTs, private key blocks). A shape rule keeps the token's prefix, so the audit
// trail still says what kind of secret was used.

const MASK = '[REDACTED]';

const SECRET_NAME = String.raw`[\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth|credentials?)[\w.-]*`;
const VALUE = String.raw`("[^"]*"|'[^']*'|[^\s;&|]+)`;
/** Where a command word starts: the beginning, or after a separator or a subshell opening. */
const WORD_START = String.raw`(?:^|[\s;&|(\x60])`;

const byPosition: Array<[RegExp, string]> = [
  // NAME=value, --name=value
  [new RegExp(String.raw`((?:^|[\s;&|])(?:--?)?${SECRET_NAME}=)${VALUE}`, 'gi'), `$1${MASK}`],
  // --name value (long options only: single-dash clusters like -ptopsecret are not names)
  [new RegExp(String.raw`((?:^|[\s;&|])--${SECRET_NAME}\s+)(?!-)${VALUE}`, 'gi'), `$1${MASK}`],
  // Authorization headers (any scheme), and the X-Api-Key style headers
  [/(authorization:\s*(?:[a-z-]+\s+)?)[^\s'"]+/gi, `$1${MASK}`],
  [/(\bx-(?:api-key|auth-token|access-token)\s*:\s*)[^\s'"]+/gi, `$1${MASK}`],
  // credentials in URLs
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${MASK}@`],
  // mysql/mariadb -pSECRET (only for those clients: -p means other things elsewhere)
  [/(\b(?:mysql|mysqldump|mariadb|mysqladmin)\b[^|;&]*?\s-p)(?!\s)[^\s]+/g, `$1${MASK}`],
  // sshpass -p SECRET / -pSECRET
  [new RegExp(String.raw`(${WORD_START}sshpass\b[^|;&]*?\s-p\s*)${VALUE}`, 'g'), `$1${MASK}`],
  // curl -u user:password / --user user:password (the user stays)
  [
    new RegExp(
      String.raw`(${WORD_START}curl\b[^|;&]*?\s(?:-u\s*|--user[\s=]+)["']?[^\s:"']+:)[^\s"']+`,
      'g',
    ),
    `$1${MASK}`,
  ],
];

/** Token shapes, each kept up to its telling prefix (group 1). */
const byShape: RegExp[] = [
  // GitHub: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_)
  /\b(gh[pousr]_)[A-Za-z0-9]{20,255}\b/g,
  /\b(github_pat_)[A-Za-z0-9_]{20,255}\b/g,
  // GitLab personal/project/group access tokens, and its other glxx- prefixes
  /\b(gl(?:pat|ptt|dt|rt|oas|cbt|imt|agent|ft|soat)-)[A-Za-z0-9_-]{16,255}/g,
  // Slack bot, user, app, refresh and config tokens
  /\b(xox[abposre]-)[A-Za-z0-9-]{8,255}/g,
  /\b(xapp-)[A-Za-z0-9-]{8,255}/g,
  // AWS access key ids (the secret keys go by name: aws_secret_access_key=…)
  /\b((?:AKIA|ASIA|ABIA|ACCA))[A-Z0-9]{16}\b/g,
  // Stripe secret and restricted keys; npm and PyPI tokens; OpenAI-style and Anthropic keys
  /\b((?:sk|rk)_(?:live|test)_)[A-Za-z0-9]{10,255}\b/g,
  /\b(npm_)[A-Za-z0-9]{36}\b/g,
  /\b(pypi-)[A-Za-z0-9_-]{50,}/g,
  /\b(sk-(?:ant-|proj-)?)[A-Za-z0-9_-]{20,255}/g,
  // JSON Web Tokens: header.payload.signature, each base64url, the header starting {"
  /\b(eyJ)[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

/** PEM private keys pasted into a command (echo '-----BEGIN … PRIVATE KEY-----…' > key). */
const PRIVATE_KEY_BLOCK =
  /(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;

export function redactSecrets(text: string): string {
  let out = text.replace(PRIVATE_KEY_BLOCK, `$1${MASK}`);
  for (const pattern of byShape) out = out.replace(pattern, `$1${MASK}`);
  for (const [pattern, replacement] of byPosition) out = out.replace(pattern, replacement);
  return out;
}
