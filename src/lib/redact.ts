// Hides obvious secrets in a command line before it is stored or sent anywhere (audit events,
// webhooks, logs). Conservative by design: it masks values, never drops the command.

const MASK = '[REDACTED]';

const SECRET_NAME = String.raw`[\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth)[\w.-]*`;
const VALUE = String.raw`("[^"]*"|'[^']*'|[^\s;&|]+)`;

const patterns: Array<[RegExp, string]> = [
  // NAME=value, --name=value
  [new RegExp(String.raw`((?:^|[\s;&|])(?:--?)?${SECRET_NAME}=)${VALUE}`, 'gi'), `$1${MASK}`],
  // --name value (long options only: single-dash clusters like -ptopsecret are not names)
  [new RegExp(String.raw`((?:^|[\s;&|])--${SECRET_NAME}\s+)(?!-)${VALUE}`, 'gi'), `$1${MASK}`],
  // Authorization headers
  [/(authorization:\s*(?:bearer|basic|token)\s+)[^\s'"]+/gi, `$1${MASK}`],
  // credentials in URLs
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${MASK}@`],
  // mysql/mariadb -pSECRET (only for those clients: -p means other things elsewhere)
  [/(\b(?:mysql|mysqldump|mariadb|mysqladmin)\b[^|;&]*?\s-p)(?!\s)[^\s]+/g, `$1${MASK}`],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
