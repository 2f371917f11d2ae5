/**
 * `npm run bench [-- --quick] [-- --only relay,alerts,…]`: measures this machine and writes
 * bench/results/latest.json and bench/results/latest.md. A part whose dependency has not landed
 * reports "not measured: <why>"; the run goes on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { alertsBench } from './browser/alerts-bench';
import { overlayWeightBench } from './browser/overlay-weight';
import { sidePanelBench } from './browser/sidepanel-bench';
import { clusterBench, FULL_CLUSTER, QUICK_CLUSTER } from './cluster/cluster-bench';
import { recoveryBench } from './endurance/recovery';
import { type SoakOutcome, soakBench } from './endurance/soak';
import { removeHomes } from './lib/limelight-server';
import { gitCommit, machineInfo } from './lib/machine';
import { renderMarkdown } from './lib/markdown';
import { killAllChildren } from './lib/processes';
import { type BenchResults, type PartRecorder, type PartResult, runPart } from './lib/results';
import { FULL_RELAY, QUICK_RELAY, relayBench } from './relay/relay-bench';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;

const HOUR_MS = 3_600_000;
let soakOutcome: SoakOutcome | null = null;

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
  {
    id: 'alerts',
    title: '2. Alerts overlay in headless Chromium: frame time, gift-to-glass and memory',
    body: (part) =>
      alertsBench(part, {
        repetitions: quick ? 1 : 3,
        idleMs: quick ? 3000 : 10_000,
        stormMs: quick ? 5000 : 20_000,
        afterMs: quick ? 3000 : 10_000,
        stormPerSecond: 50,
        floodAlerts: quick ? 2000 : 10_000,
        floodPerSecond: quick ? 400 : 200,
        floodSpeed: 20,
        drainTimeoutMs: quick ? 20_000 : 180_000,
        rebuildStale: !quick,
        glass: {
          idleGifts: quick ? 20 : 100,
          stormPerSecond: 50,
          stormMs: quick ? 5000 : 20_000,
          speed: 20,
          drainTimeoutMs: quick ? 20_000 : 180_000,
        },
      }),
  },
  {
    // Runs before recovery: the journal it writes is the one recovery restarts from.
    id: 'soak',
    title: `4. Soak: a simulated ${quick ? '1-hour' : '8-hour'} stream at high speed`,
    body: async (part) => {
      soakOutcome = await soakBench(part, (quick ? 1 : 8) * HOUR_MS);
    },
  },
  {
    id: 'recovery',
    title: `3. Recovery: restart on a ${quick ? '1-hour' : '8-hour'} simulated journal, and after SIGKILL`,
    body: (part) =>
      recoveryBench(
        part,
        {
          restarts: quick ? 1 : 3,
          kills: quick ? 1 : 3,
          killAfterMs: quick ? 1000 : 3000,
          fallbackDurationMs: (quick ? 1 : 8) * HOUR_MS,
        },
        soakOutcome,
      ),
  },
  {
    id: 'sidepanel',
    title: '5. Side panel: 50 updates/s without long tasks',
    body: (part) =>
      sidePanelBench(part, {
        repetitions: quick ? 1 : 3,
        idleMs: quick ? 2000 : 5000,
        loadMs: quick ? 8000 : 30_000,
        eventsPerSecond: 50,
        rebuildStale: !quick,
      }),
  },
  {
    id: 'weight',
    title: '6. Overlay weight: transfer per page and time to first frame',
    body: (part) => overlayWeightBench(part, { repetitions: quick ? 1 : 3, rebuildStale: !quick }),
  },
  {
    id: 'cluster',
    title: '7. Cluster: events/s across two server processes vs one',
    body: (part) => clusterBench(part, quick ? QUICK_CLUSTER : FULL_CLUSTER),
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
  const markdown = renderMarkdown(results);
  writeFileSync('bench/results/latest.md', markdown);
  // Kept per mode too, so a full run's figures survive the next routine quick run.
  writeFileSync(`bench/results/latest-${results.mode}.md`, markdown);
  console.log(
    `[bench] wrote bench/results/latest.json and bench/results/latest.md in ${results.durationSeconds.toFixed(0)} s`,
  );
}

// Whatever ends the run, no server, client or hog outlives it.
process.on('exit', () => killAllChildren());
process.on('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    console.error('[bench] failed:', error);
    process.exitCode = 1;
  })
  .finally(() => {
    killAllChildren();
    removeHomes();
  });
