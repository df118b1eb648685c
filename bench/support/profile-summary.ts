// Summarises a V8 .cpuprofile (as bench/support/cpu-profile.mjs writes them): the share of the
// process's busy time (idle and GC samples apart) spent in each package or source area, and the
// hottest functions by self time. Used to explain the figures in docs/BENCHMARKS.md.
//
//   npx tsx bench/support/profile-summary.ts FILE.cpuprofile [--top 25]

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The area a script belongs to: an npm package, a folder of ours, node internals. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(program)') return '(program)';
    return '(native)';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0] ?? ''}`;
  const ours = /\/(?:dist|src)\/([^/]+)(?:\/|\.js|\.ts)/.exec(url);
  if (ours?.[1]) return `ours:${ours[1].replace(/\.(js|ts)$/, '')}`;
  return url;
}

/** A frame as the summaries name it: function, then the last two parts of its path and its line. */
export function frameName(frame: {
  functionName: string;
  url: string;
  lineNumber: number;
}): string {
  const where = frame.url
    ? ` ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`
    : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  areas: { area: string; ms: number; share: number }[];
  functions: { name: string; area: string; ms: number; share: number }[];
}

export function summarizeProfile(profile: Profile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });
  const areas = new Map<string, number>();
  const functions = new Map<string, { area: string; ms: number }>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const name = frameName(frame);
    const entry = functions.get(name) ?? { area, ms: 0 };
    entry.ms += ms;
    functions.set(name, entry);
  }
  const busyMs = totalMs - (areas.get('(idle)') ?? 0);
  return {
    totalMs,
    busyMs,
    areas: [...areas]
      .filter(([area]) => area !== '(idle)')
      .map(([area, ms]) => ({ area, ms, share: ms / busyMs }))
      .sort((a, b) => b.ms - a.ms),
    functions: [...functions]
      .filter(([, f]) => f.area !== '(idle)')
      .map(([name, f]) => ({ name, area: f.area, ms: f.ms, share: f.ms / busyMs }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string' } },
    allowPositionals: true,
  });
  for (const file of positionals) {
    const summary = summarizeProfile(
      JSON.parse(readFileSync(file, 'utf8')) as Profile,
      Number(values.top ?? 25),
    );
    const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
    console.log(
      `\n${file}: ${(summary.totalMs / 1000).toFixed(1)} s profiled, ${(summary.busyMs / 1000).toFixed(1)} s busy\n`,
    );
    console.log('| area | busy ms | share |\n| --- | ---: | ---: |');
    for (const a of summary.areas.slice(0, 20))
      console.log(`| ${a.area} | ${a.ms.toFixed(0)} | ${pct(a.share)} |`);
    console.log('\n| function (self time) | area | ms | share |\n| --- | --- | ---: | ---: |');
    for (const f of summary.functions)
      console.log(`| ${f.name} | ${f.area} | ${f.ms.toFixed(0)} | ${pct(f.share)} |`);
  }
}
