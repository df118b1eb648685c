import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets } from '../../src/lib/redact.js';

test('obvious secrets are masked; the rest of the command stays', () => {
  const cases: Array<[string, string]> = [
    ['PASSWORD=hunter2 ./deploy.sh', 'PASSWORD=[REDACTED] ./deploy.sh'],
    ['deploy --api-key abc123 --verbose', 'deploy --api-key [REDACTED] --verbose'],
    ['export GITHUB_TOKEN="ghp_xxx"; make', 'export GITHUB_TOKEN=[REDACTED]; make'],
    [
      "curl -H 'Authorization: Bearer eyJhbGci' https://x",
      "curl -H 'Authorization: Bearer [REDACTED]' https://x",
    ],
    [
      'git clone https://user:s3cret@example.com/repo',
      'git clone https://user:[REDACTED]@example.com/repo',
    ],
    ['mysql -u root -ptopsecret db', 'mysql -u root -p[REDACTED] db'],
    ['ls -pa /tmp', 'ls -pa /tmp'],
    ['systemctl --user stop phonehome', 'systemctl --user stop phonehome'],
  ];
  for (const [input, expected] of cases) assert.equal(redactSecrets(input), expected, input);
});
