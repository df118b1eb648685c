// The URL guard: every target of the SSRF corpus is refused without a connection; a name that
// resolves to ANY private address is refused (DNS rebinding with several answers); the
// operator's allow-list and ALLOW_PRIVATE open exactly what they say; the address connected to
// is the one that was checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlockList } from 'node:net';
import {
  addressProblem,
  checkTarget,
  parseAllowList,
  pinnedLookup,
  UrlRefused,
  type UrlPolicy,
} from '../../../src/fleet/webhooks/url-guard.js';
import { ssrfCorpus } from '../../support/ssrf-corpus.js';

const strict: UrlPolicy = {
  allowPrivate: false,
  allowedHosts: [],
  allowedAddresses: new BlockList(),
};

function resolverOf(table: Record<string, string[]>) {
  return async (host: string) => {
    const answers = table[host];
    if (!answers) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

test('every target of the SSRF corpus is refused', async () => {
  const corpus = ssrfCorpus(8080);
  assert.ok(corpus.length >= 50, `${corpus.length} targets`);
  const resolve = resolverOf({ localhost: ['127.0.0.1', '::1'], 'localhost.': ['127.0.0.1'] });
  for (const url of corpus) {
    await assert.rejects(checkTarget(url, strict, resolve), UrlRefused, url);
  }
});

test('a name with one private address among public ones is refused', async () => {
  const resolve = resolverOf({
    'rebind.example': ['93.184.215.14', '169.254.169.254'],
    'v6.example': ['2606:4700::1111', 'fd00:ec2::254'],
    'public.example': ['93.184.215.14', '2606:4700::1111'],
  });
  await assert.rejects(
    checkTarget('https://rebind.example/h', strict, resolve),
    /169\.254\.169\.254, which is link-local/,
  );
  await assert.rejects(
    checkTarget('https://v6.example/h', strict, resolve),
    /fd00:ec2::254, which is unique-local/,
  );
  const ok = await checkTarget('https://public.example/h', strict, resolve);
  assert.equal(ok.address, '93.184.215.14');
  assert.equal(ok.family, 4);
});

test('public addresses pass; the lookup answers with the checked address only', async () => {
  for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '93.184.215.14'])
    assert.equal(addressProblem(address), null, address);
  const target = await checkTarget('http://[2606:4700:4700::1111]:8443/x', strict);
  const lookup = pinnedLookup(target);
  await new Promise<void>((resolve) =>
    lookup('anything.example', { family: 0 }, (error, address, family) => {
      assert.equal(error, null);
      assert.equal(address, '2606:4700:4700::1111');
      assert.equal(family, 6);
      resolve();
    }),
  );
});

test('an unresolvable name is refused, marked as unresolved', async () => {
  const error = await checkTarget('https://nowhere.invalid/', strict, resolverOf({})).catch(
    (e: unknown) => e,
  );
  assert.ok(error instanceof UrlRefused && error.unresolved);
});

test('the allow-list opens named hosts, addresses and ranges — nothing else', async () => {
  const parsed = parseAllowList(
    ' hooks.internal , *.corp.example, 10.20.0.0/16, 127.0.0.5, [fd00::2] ',
  );
  assert.deepEqual(parsed.problems, []);
  const policy: UrlPolicy = {
    allowPrivate: false,
    allowedHosts: parsed.hosts,
    allowedAddresses: parsed.addresses,
  };
  const resolve = resolverOf({
    'hooks.internal': ['10.9.9.9'],
    'a.corp.example': ['192.168.1.1'],
    'corp.example': ['192.168.1.1'],
  });
  await checkTarget('http://hooks.internal/x', policy, resolve);
  await checkTarget('http://a.corp.example/x', policy, resolve);
  await assert.rejects(checkTarget('http://corp.example/x', policy, resolve), UrlRefused);
  await checkTarget('http://10.20.3.4/x', policy);
  await checkTarget('http://127.0.0.5/x', policy);
  await checkTarget('http://[fd00::2]/x', policy);
  await assert.rejects(checkTarget('http://10.21.0.1/x', policy), UrlRefused);
  await assert.rejects(checkTarget('http://127.0.0.1/x', policy), UrlRefused);
  await assert.rejects(checkTarget('http://169.254.169.254/x', policy), UrlRefused);
  assert.deepEqual(parseAllowList('10.0.0.0/33, bad host!').problems.length, 2);
});

test('ALLOW_PRIVATE opens everything; schemes and credentials stay refused', async () => {
  const open: UrlPolicy = { ...strict, allowPrivate: true };
  await checkTarget('http://127.0.0.1:9/x', open);
  await checkTarget('http://localhost:9/x', open, resolverOf({ localhost: ['127.0.0.1'] }));
  await assert.rejects(checkTarget('file:///etc/passwd', open), /only http and https/);
  await assert.rejects(checkTarget('gopher://127.0.0.1/', open), /only http and https/);
  await assert.rejects(checkTarget('http://user:pw@example.com/', open), /credentials/);
});
