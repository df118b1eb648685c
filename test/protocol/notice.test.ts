import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatNoticeLine,
  MAX_RETRY_AFTER_MS,
  parseNotice,
  parseNoticeGreeting,
} from '../../src/protocol/notice.js';

test('a notice line round-trips, ASCII only, and never starts an SSH identification', () => {
  const notice = { code: 'overloaded', message: 'Busy — come back “later”.', retryAfterMs: 1500.2 };
  const line = formatNoticeLine(notice);
  assert.match(line, /^ETPH-NOTICE \{.*\}\r\n$/);
  assert.ok(/^[\x20-\x7e]*\r\n$/.test(line), 'ASCII');
  assert.deepEqual(parseNoticeGreeting(`hello\r\n${line}`), { ...notice, retryAfterMs: 1501 });
  assert.equal(
    JSON.parse(formatNoticeLine({ code: 'x', message: '', retryAfterMs: 1e12 }).slice(12))
      .retryAfterMs,
    MAX_RETRY_AFTER_MS,
    'a hint is capped at an hour',
  );
});

test('what is not a notice is ignored', () => {
  assert.equal(parseNoticeGreeting('Welcome to the server\r\n'), null);
  assert.equal(parseNoticeGreeting('ETPH-NOTICE {not json\r\n'), null);
  assert.equal(parseNotice({ code: 'Overloaded!', message: '' }), null);
  assert.equal(parseNotice({ code: 'overloaded', message: 'x', retryAfterMs: -1 }), null);
  assert.equal(parseNotice({ code: 'overloaded', message: 'x'.repeat(501) }), null);
  assert.deepEqual(parseNotice({ code: 'new_code', message: 'from a newer server' }), {
    code: 'new_code',
    message: 'from a newer server',
  });
});
