// The progress line of `etphonehome files get|put`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatDuration, formatProgress } from '../../src/cli/progress.js';

test('bytes, durations and the bar read as people expect', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(1024 ** 3), '1.0 GiB');
  assert.equal(formatDuration(5), '5s');
  assert.equal(formatDuration(125), '2m05s');
  assert.equal(formatDuration(3 * 3600 + 60), '3h01m');
  assert.equal(
    formatProgress(
      {
        bytesDone: 512 * 1024 ** 2,
        totalBytes: 1024 ** 3,
        rateBytesPerSecond: 100 * 1024 ** 2,
        etaSeconds: 5,
      },
      10,
    ),
    '[#####-----]  50%  512.0 MiB / 1.0 GiB  100.0 MiB/s  ETA 5s',
  );
  assert.match(
    formatProgress({ bytesDone: 0, totalBytes: null, rateBytesPerSecond: 0, etaSeconds: null }),
    /^\[-+\] {3}0% {2}0 B \/ \? {2}0 B\/s {2}ETA --$/,
  );
});
