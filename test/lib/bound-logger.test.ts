import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { boundLogger } from '../../src/lib/bound-logger.js';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level, base: null, timestamp: false }, stream), lines };
}

test('a bound logger writes the lines a pino child writes', async () => {
  const bound = capture();
  const child = capture();
  const cases = (log: Logger) => {
    log.info('plain');
    log.info({ reason: 'gone' }, 'with fields');
    log.warn({ uuid: 'override' }, 'a field overrides a binding');
    log.error(new Error('boom'), 'an error');
    log.info('formatted %s', 'arg');
    log.debug('below the level');
    log.child({ clientId: 'web-1' }).info({ more: 1 }, 'grandchild');
  };
  // What it is for: no pino child made for lines, child() or level checks.
  let children = 0;
  const makeChild = bound.logger.child.bind(bound.logger);
  bound.logger.child = ((...args: Parameters<Logger['child']>) => {
    children += 1;
    return makeChild(...args);
  }) as Logger['child'];
  cases(boundLogger(bound.logger, { uuid: 'u-1', remotePort: 22 }));
  assert.equal(children, 0, 'no pino child for lines, child() or level checks');
  cases(child.logger.child({ uuid: 'u-1', remotePort: 22 }));
  await new Promise((done) => setImmediate(done));
  const comparable = (line: Record<string, unknown>) => {
    const copy = { ...line };
    if (copy['err']) copy['err'] = { message: (copy['err'] as { message: string }).message };
    return copy;
  };
  assert.equal(bound.lines.length, 6);
  assert.deepEqual(bound.lines.map(comparable), child.lines.map(comparable));
  assert.equal(
    bound.lines[3]?.['err'] && (bound.lines[3]['err'] as { type: string }).type,
    'Error',
  );
});

test('a bound logger answers level checks from its parent and the rest from a real child', () => {
  const { logger } = capture('warn');
  let children = 0;
  const makeChild = logger.child.bind(logger);
  logger.child = ((...args: Parameters<Logger['child']>) => {
    children += 1;
    return makeChild(...args);
  }) as Logger['child'];
  const bound = boundLogger(logger, { uuid: 'u-2' });
  assert.equal(bound.isLevelEnabled('info'), false);
  assert.equal(bound.isLevelEnabled('error'), true);
  assert.equal(bound.level, 'warn');
  assert.equal(children, 0, 'level checks need no child');
  assert.deepEqual(bound.bindings(), { uuid: 'u-2' });
  assert.deepEqual(bound.bindings(), { uuid: 'u-2' });
  assert.equal(children, 1, 'the rest is answered by one real child, made once');
});
