// Summarises a .heapprofile written by heap-sample.mjs: bytes allocated by function (self), and
// by the nearest frame of our own code on the stack (profile-summary.ts's `ours:` areas), most
// first.
//
//   npx tsx bench/support/heap-summary.ts FILE.heapprofile [--top 30]

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { areaOf, frameName } from './profile-summary.js';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string' } },
  allowPositionals: true,
});
const top = Number(values.top ?? 30);

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };
  const bySelf = new Map<string, number>();
  const byOurs = new Map<string, number>();
  let total = 0;
  const isOurs = ({ callFrame }: HeapNode): boolean =>
    areaOf(callFrame.url, callFrame.functionName).startsWith('ours:');
  const walk = (node: HeapNode, ours: string | null): void => {
    const here = isOurs(node) ? frameName(node.callFrame) : ours;
    if (node.selfSize > 0) {
      total += node.selfSize;
      const name = frameName(node.callFrame);
      bySelf.set(name, (bySelf.get(name) ?? 0) + node.selfSize);
      const key = here ?? '(no frame of ours)';
      byOurs.set(key, (byOurs.get(key) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, here);
  };
  walk(profile.head, null);
  const print = (title: string, map: Map<string, number>): void => {
    console.log(`\n| ${title} | KiB | share |\n| --- | ---: | ---: |`);
    for (const [name, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(
        `| ${name} | ${(bytes / 1024).toFixed(0)} | ${((bytes / total) * 100).toFixed(1)} % |`,
      );
    }
  };
  console.log(`\n${file}: ${(total / 1024 / 1024).toFixed(1)} MiB sampled`);
  print('allocated in (self)', bySelf);
  print('under our frame', byOurs);
}
