// The decommission outcome both doors print: one sentence per way the stop can end, worded for
// the door that asks (the CLI and the MCP tool share it, so they cannot drift apart).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decommissionOutcome } from '../../src/client/decommission-outcome.js';
import { ErrorCode } from '../../src/errors.js';

const cli = { stopRequested: true, noStop: '--no-stop', untilRestored: 'until restored' };

test('each way the stop ends has its own sentence', () => {
  assert.equal(
    decommissionOutcome(null, { ...cli, stopRequested: false, failure: null }),
    'Its agent service was left running (--no-stop); its link is closed and it is refused each time it connects, until restored.',
  );
  assert.equal(
    decommissionOutcome(null, { ...cli, failure: null }),
    'It was offline, so its service was not stopped: it is refused each time it connects, until restored.',
  );
  assert.equal(
    decommissionOutcome({ result: { returncode: 0 } }, { ...cli, failure: null }),
    'Its agent service was stopped (the stop command exited 0) and its link is closed.',
  );
  assert.match(
    decommissionOutcome({ result: { returncode: 3 } }, { ...cli, failure: null }) ?? '',
    /^The stop command exited 3, so its agent service may still be running;/,
  );
  assert.match(
    decommissionOutcome(
      { error: { code: ErrorCode.agentUnavailable } },
      { ...cli, failure: 'x' },
    ) ?? '',
    /^The link broke while the service was stopping/,
  );
  assert.equal(
    decommissionOutcome(
      { error: { code: ErrorCode.timeout } },
      { ...cli, untilRestored: 'until it is restored', failure: 'TIMEOUT' },
    ),
    'Stopping its service failed (TIMEOUT), so it may still be running; its link is closed and it is refused each time it connects, until it is restored.',
  );
  assert.equal(decommissionOutcome({ result: null, error: null }, { ...cli, failure: null }), null);
});
