import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  LineTooLongError,
  readLine,
  readLines,
  StreamEndedError,
} from '../../src/lib/line-reader.js';

test('reads the first line across chunks, without the newline', async () => {
  const stream = new PassThrough();
  const line = readLine(stream, 100);
  stream.write('{"a":');
  stream.write('1}\nrest');
  assert.equal(await line, '{"a":1}');
});

test('a line over the cap fails without buffering the rest', async () => {
  const stream = new PassThrough();
  const line = readLine(stream, 10);
  stream.write('x'.repeat(6));
  stream.write('x'.repeat(6));
  await assert.rejects(line, LineTooLongError);
});

test('a stream that ends before a newline fails', async () => {
  const stream = new PassThrough();
  const line = readLine(stream, 10);
  stream.end('partial');
  await assert.rejects(line, StreamEndedError);
});

test('multi-byte characters split across chunks survive', async () => {
  const stream = new PassThrough();
  const line = readLine(stream, 100);
  const bytes = Buffer.from('héllo ✓\n');
  stream.write(bytes.subarray(0, 2));
  stream.write(bytes.subarray(2));
  assert.equal(await line, 'héllo ✓');
});

test('readLines gives every line as it arrives, across chunks, and ends once', async () => {
  const stream = new PassThrough();
  const lines: string[] = [];
  const ended = new Promise<Error | null>((resolve) =>
    readLines(stream, 10, (line) => lines.push(line), resolve),
  );
  stream.write('one\ntw');
  stream.write('o\n\nthr');
  stream.write(Buffer.from('ée\n', 'utf8').subarray(0, 1));
  stream.write(Buffer.from('ée\n', 'utf8').subarray(1));
  stream.end();
  assert.equal(await ended, null);
  assert.deepEqual(lines, ['one', 'two', '', 'thrée']);
});

test('readLines stops at a line over the cap, with the lines before it given', async () => {
  const stream = new PassThrough();
  const lines: string[] = [];
  const ended = new Promise<Error | null>((resolve) =>
    readLines(stream, 5, (line) => lines.push(line), resolve),
  );
  stream.write('ok\nxxx');
  stream.write('xxx\nnever\n');
  assert.ok((await ended) instanceof LineTooLongError);
  assert.deepEqual(lines, ['ok']);
});
