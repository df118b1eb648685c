// Preloaded into a process a benchmark starts (NODE_OPTIONS=--import …; Node 20 refuses
// --cpu-prof there): profiles it with the inspector and writes a .cpuprofile to
// $ETPH_BENCH_CPU_PROFILE_DIR, named $ETPH_BENCH_CPU_PROFILE_NAME (default "server") and the pid.
// By default the whole process, written when it exits (the same-thread inspector session answers
// synchronously, so stopping the profiler inside the 'exit' handler works). With
// ETPH_BENCH_CPU_PROFILE_ON_SIGNAL=1, only a window: SIGUSR2 starts the profiler, the next SIGUSR2
// stops it and writes the file (one file per window, numbered), so a benchmark can profile one
// phase of a run in each of its processes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.ETPH_BENCH_CPU_PROFILE_DIR;
const name = process.env.ETPH_BENCH_CPU_PROFILE_NAME || 'server';
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  const write = (suffix) =>
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `${name}-${process.pid}${suffix}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    });
  if (process.env.ETPH_BENCH_CPU_PROFILE_ON_SIGNAL === '1') {
    let running = false;
    let windows = 0;
    process.on('SIGUSR2', () => {
      if (!running) session.post('Profiler.start');
      else write(`-${++windows}`);
      running = !running;
    });
  } else {
    session.post('Profiler.start');
    process.on('exit', () => write(''));
  }
}
