// Preloaded into a benchmark's server (NODE_OPTIONS=--import …), as cpu-profile.mjs: V8's
// sampling heap profiler over a window, SIGUSR2 to start and SIGUSR2 to stop, counting what was
// allocated in the window whether or not it was collected since (garbage included: the point is
// what the collector has to deal with). Writes $ETPH_BENCH_HEAP_PROFILE_DIR/server-<pid>-<n>
// .heapprofile; summarise with bench/support/heap-summary.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.ETPH_BENCH_HEAP_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.enable');
  let running = false;
  let windows = 0;
  process.on('SIGUSR2', () => {
    if (!running) {
      session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    } else {
      session.post('HeapProfiler.stopSampling', (error, result) => {
        if (error) return;
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          join(dir, `server-${process.pid}-${++windows}.heapprofile`),
          JSON.stringify(result.profile),
        );
      });
    }
    running = !running;
  });
}
