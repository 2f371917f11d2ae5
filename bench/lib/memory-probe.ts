/**
 * Preloaded into the server process by the soak (`--import`): appends the process's memory to
 * the file named by LIMELIGHT_BENCH_MEMORY_FILE once a second, so heap (not only RSS) can be
 * followed from outside. Unref'd: it never keeps the server alive.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.LIMELIGHT_BENCH_MEMORY_FILE;
if (file) {
  const sample = () => {
    const m = process.memoryUsage();
    appendFileSync(
      file,
      `${JSON.stringify({ wall: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal })}\n`,
    );
  };
  setInterval(sample, 1000).unref();
}
