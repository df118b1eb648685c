// Where an agent phones home (issue 14): one server or a cluster's list, each entry with its own
// port or the default, IPv6 in brackets; bad entries are refused naming the entry and the rule.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SERVERS, parseServers, serverKey } from '../../src/agent/servers.js';

test('one server, a list, ports given or defaulted, IPv6 in brackets, duplicates dropped', () => {
  assert.deepEqual(parseServers('etph.example', 2222), [{ host: 'etph.example', port: 2222 }]);
  assert.deepEqual(parseServers(' a.example:2200 , b.example ,[2001:db8::1]:2201,::1', 22), [
    { host: 'a.example', port: 2200 },
    { host: 'b.example', port: 22 },
    { host: '2001:db8::1', port: 2201 },
    { host: '::1', port: 22 },
  ]);
  assert.deepEqual(parseServers(['a:1', 'b:2,a:1'], 2222).map(serverKey), ['a:1', 'b:2']);
  assert.deepEqual(parseServers('[::1]', 2222), [{ host: '::1', port: 2222 }]);
});

test('bad entries are refused, naming the entry', () => {
  for (const [value, message] of [
    ['', /no server given/],
    [' , ', /no server given/],
    ['a.example:0', /"a.example:0": the port must be 1 to 65535/],
    ['a.example:70000', /the port must be 1 to 65535/],
    ['a.example:ssh', /the port must be 1 to 65535/],
    [':2222', /the host is missing/],
    ['user@a.example', /a host name or address/],
    ['a b', /a host name or address/],
    ['[::1]:x', /the port must be/],
    [Array.from({ length: MAX_SERVERS + 1 }, (_, i) => `h${i}`).join(','), /at most 16 servers/],
  ] as const) {
    assert.throws(() => parseServers(value, 2222), message, value);
  }
});
