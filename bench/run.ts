/**
 * `npm run bench [-- --quick] [-- --only relay,alerts,…]`: measures this machine and writes
 * bench/results/latest.json and latest.md. A part whose dependency has not landed reports
 * "not measured: <why>"; the run goes on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gitCommit, machineInfo } from './lib/machine';
import { renderMarkdown } from './lib/markdown';
import { killAllChildren } from './lib/processes';
import { type BenchResults, type PartRecorder, type PartResult, runPart } from './lib/results';
import { FULL_RELAY, QUICK_RELAY, relayBench } from './relay/relay-bench';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;

interface PartSpec {
  id: string;
  title: string;
  body: (part: PartRecorder) => Promise<void>;
}

const PARTS: PartSpec[] = [
  {
    id: 'relay',
    title: '1. Relay: full pipeline against a bare Socket.IO relay',
    body: (part) => relayBench(part, quick ? QUICK_RELAY : FULL_RELAY),
  },
];

async function main(): Promise<void> {
  const startedAt = new Date();
  const started = performance.now();
  const machine = machineInfo();
  const { commit, dirty } = gitCommit();
  console.log(
    `[bench] ${quick ? 'quick' : 'full'} run on ${machine.cpuModel} ×${machine.cores}, ${commit.slice(0, 10)}`,
  );
  const parts: PartResult[] = [];
  for (const spec of PARTS) {
    if (only && !only.has(spec.id)) continue;
    parts.push(await runPart(spec.id, spec.title, spec.body));
  }
  const results: BenchResults = {
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    durationSeconds: (performance.now() - started) / 1000,
    commit,
    dirty,
    machine,
    parts,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench/results/latest.md', renderMarkdown(results));
  console.log(
    `[bench] wrote bench/results/latest.json and latest.md in ${results.durationSeconds.toFixed(0)} s`,
  );
}

process.on('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    console.error('[bench] failed:', error);
    process.exitCode = 1;
  })
  .finally(() => killAllChildren());
