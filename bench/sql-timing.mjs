/**
 * Preloaded into the server by `npm run bench -- --sql-timing` (node --import): times every
 * better-sqlite3 statement the server runs and, when the server exits, writes per-SQL counts
 * and total time to $BENCH_SQL_TIMING_FILE. Shows which queries the database time goes to.
 *
 * With $BENCH_SQL_LOG_FILE set it also appends every statement as it runs, with its
 * parameters, one JSON line each (`{"sql","args"}`): the queue benchmark's plan pass reads the
 * exact SQL of each view from it for EXPLAIN QUERY PLAN. Only for single requests: it writes
 * synchronously.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(`${process.cwd()}/package.json`);
const Database = require('better-sqlite3');

const probe = new Database(':memory:');
const Statement = Object.getPrototypeOf(probe.prepare('select 1'));
probe.close();

/** @type {Map<string, { calls: number, ms: number }>} */
const timings = new Map();
const log = process.env.BENCH_SQL_LOG_FILE;
for (const method of ['all', 'get', 'run', 'iterate']) {
  const original = Statement[method];
  Statement[method] = function timed(...args) {
    if (log) fs.appendFileSync(log, `${JSON.stringify({ sql: this.source, args })}\n`);
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      const entry = timings.get(this.source) ?? { calls: 0, ms: 0 };
      entry.calls++;
      entry.ms += performance.now() - start;
      timings.set(this.source, entry);
    }
  };
}

process.once('exit', () => {
  const file = process.env.BENCH_SQL_TIMING_FILE;
  if (!file) return;
  const rows = [...timings].map(([sql, t]) => ({ sql, ...t })).sort((a, b) => b.ms - a.ms);
  fs.writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
});
