// Preloaded into the server a benchmark starts (NODE_OPTIONS=--import …, as cpu-profile.mjs):
// counts the SQL statements it sends to SQLite, by statement with its literals made `?` (so one
// client's lookup and the next count together), and writes the counts, most first, to
// $ETPH_BENCH_STATEMENTS_DIR/statements-<pid>.txt every 2 s and at exit (a SIGKILLed server's
// file holds its last 2 s less). SQLite only: it wraps sqlite3's Database methods, which
// MikroORM's SQLite driver calls; a PostgreSQL server is not counted.
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.env.ETPH_BENCH_STATEMENTS_DIR;
if (dir) {
  const sqlite3 = createRequire(import.meta.url)('sqlite3');
  const counts = new Map();
  const shape = (sql) =>
    String(sql)
      .replace(/\s+/g, ' ')
      .replace(/'(?:[^']|'')*'/g, '?')
      .replace(/\b\d+(\.\d+)?\b/g, '?')
      .replace(/(\?\s*,\s*)+\?/g, '?, …')
      .trim();
  for (const method of ['run', 'all', 'get', 'each', 'exec', 'prepare']) {
    const original = sqlite3.Database.prototype[method];
    sqlite3.Database.prototype[method] = function (sql, ...rest) {
      const key = `${method}\t${shape(sql)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return original.call(this, sql, ...rest);
    };
  }
  const write = () => {
    mkdirSync(dir, { recursive: true });
    const lines = [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${n}\t${key}`);
    writeFileSync(join(dir, `statements-${process.pid}.txt`), `${lines.join('\n')}\n`);
  };
  setInterval(write, 2000).unref();
  process.on('exit', write);
}
