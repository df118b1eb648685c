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

test('common token shapes are masked wherever they stand, keeping the kind of token', () => {
  const gh = `ghp_${'a1B2'.repeat(9)}`;
  const pat = `github_pat_11ABCDEFG0${'x'.repeat(60)}`;
  const cases: Array<[string, string]> = [
    [`git clone https://${gh}@github.com/o/r`, 'git clone https://ghp_[REDACTED]@github.com/o/r'],
    [`echo ${gh} | gh auth login --with-token`, 'echo ghp_[REDACTED] | gh auth login --with-token'],
    [`echo ${pat} | docker login ghcr.io`, 'echo github_pat_[REDACTED] | docker login ghcr.io'],
    [
      'curl -s https://gitlab.example.com/api?private=glpat-AbCdEfGhIjKlMnOpQrSt',
      'curl -s https://gitlab.example.com/api?private=glpat-[REDACTED]',
    ],
    ['notify xoxb-1234567890-abcdefghij "deploy done"', 'notify xoxb-[REDACTED] "deploy done"'],
    ['notify xoxp-98765-43210-zzzz', 'notify xoxp-[REDACTED]'],
    [
      'aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE',
      'aws configure set aws_access_key_id AKIA[REDACTED]',
    ],
    [
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY aws s3 ls',
      'AWS_SECRET_ACCESS_KEY=[REDACTED] aws s3 ls',
    ],
    ['sshpass -p hunter2 ssh root@db', 'sshpass -p [REDACTED] ssh root@db'],
    ['sshpass -phunter2 scp a b:', 'sshpass -p[REDACTED] scp a b:'],
    ["sshpass -p 'two words' ssh x", 'sshpass -p [REDACTED] ssh x'],
    ['cd /srv && sshpass -e ssh x', 'cd /srv && sshpass -e ssh x'],
    [
      'curl -H "Authorization: Bearer abc.def" https://api',
      'curl -H "Authorization: Bearer [REDACTED]" https://api',
    ],
    ['curl -H "Authorization: token abc" x', 'curl -H "Authorization: token [REDACTED]" x'],
    ['curl -H "X-Api-Key: k123" x', 'curl -H "X-Api-Key: [REDACTED]" x'],
    ['curl -u admin:s3cret https://x', 'curl -u admin:[REDACTED] https://x'],
    ['curl --user admin:s3cret https://x', 'curl --user admin:[REDACTED] https://x'],
    ['psql --password=hunter2 -h db', 'psql --password=[REDACTED] -h db'],
    ['app --db-password hunter2 run', 'app --db-password [REDACTED] run'],
    ['stripe charge sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe charge sk_live_[REDACTED]'],
    [
      `npm config set //r/:_authToken npm_${'A'.repeat(36)}`,
      'npm config set //r/:_authToken npm_[REDACTED]',
    ],
    [
      'call eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'call eyJ[REDACTED]',
    ],
    [
      "printf '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNz\\n-----END OPENSSH PRIVATE KEY-----' > k",
      "printf '-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]' > k",
    ],
  ];
  for (const [input, expected] of cases) assert.equal(redactSecrets(input), expected, input);
});

test('ordinary commands are left alone', () => {
  const plain = [
    'ls -la /var/log',
    'git log --oneline -n 5',
    'ssh -p 2222 host uptime',
    'tar -czpf backup.tgz /srv',
    'echo skeleton-key AKIA short',
    'grep -r "ghp_" .',
    'docker ps --format "{{.Names}}"',
    'scp -P 22 file host:',
  ];
  for (const input of plain) assert.equal(redactSecrets(input), input, input);
});
