// Preloaded into a server a benchmark starts (NODE_OPTIONS=--import …; Node 20 refuses
// --cpu-prof there): profiles the whole process with the inspector and writes a .cpuprofile
// to $ETPH_BENCH_CPU_PROFILE_DIR when it exits. The same-thread inspector session answers
// synchronously, so stopping the profiler inside the 'exit' handler works.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.ETPH_BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
