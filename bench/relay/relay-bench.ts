/**
 * Part 1: relay latency, delivery and CPU of the full pipeline against a bare Socket.IO relay,
 * in the same run, interleaved (bare, full, bare, full…), warmed up, cold start reported apart.
 */
import type { ChildProcess } from 'node:child_process';
import { delay, killChild, spawnTs, waitUntilQuiet } from '../lib/processes';
import {
  atMost,
  describeError,
  everyRunAtMost,
  figure,
  type PartRecorder,
  type Target,
} from '../lib/results';
import { closeRig, measureRun, openRig, type Rig, type RunOutcome } from './relay-run';
import { type RelayUnderTest, startBareRelay, startFullRelay } from './relays';

export interface RelayBenchOptions {
  durationMs: number;
  warmupMs: number;
  repetitions: number;
  maxDrainMs: number;
  /** How long to wait after a run for the relay and clients to go quiet before the next. */
  settleTimeoutMs: number;
  /**
   * Rate × clients pairs; targets attach to the pairs docs/targets.md names. A pair may run more
   * repetitions than the rest: its p99 ratio is judged on a median, and p99s of ~1 ms on a shared
   * 2-core machine vary by 2× from run to run.
   */
  scenarios: Scenario[];
}

interface Scenario {
  rate: number;
  clients: number;
  hog?: boolean;
  repetitions?: number;
}

export const QUICK_RELAY: RelayBenchOptions = {
  durationMs: 2000,
  warmupMs: 1000,
  repetitions: 2,
  maxDrainMs: 3000,
  settleTimeoutMs: 5000,
  scenarios: [
    { rate: 5000, clients: 10 },
    { rate: 1000, clients: 10 },
    { rate: 5000, clients: 50 },
    { rate: 5000, clients: 10, hog: true },
    { rate: 5000, clients: 0 },
  ],
};

export const FULL_RELAY: RelayBenchOptions = {
  durationMs: 10_000,
  warmupMs: 3000,
  repetitions: 3,
  maxDrainMs: 10_000,
  settleTimeoutMs: 20_000,
  scenarios: [
    { rate: 5000, clients: 10, repetitions: 5 },
    ...[100, 1000, 5000].flatMap((rate) =>
      [1, 10, 50]
        .map((clients) => ({ rate, clients, repetitions: rate === 1000 && clients === 10 ? 5 : 3 }))
        .filter((s) => !(s.rate === 5000 && s.clients === 10)),
    ),
    { rate: 5000, clients: 10, hog: true, repetitions: 5 },
    { rate: 5000, clients: 0 },
  ],
};

/**
 * `clients: 0` runs the producer alone: what receiving and acknowledging the events costs each
 * relay before any overlay is sent anything. Set beside the 5,000 × 10 run it shows how much of
 * the bare relay's CPU the full pipeline could possibly save.
 */
export async function relayBench(part: PartRecorder, options: RelayBenchOptions): Promise<void> {
  const bare = await startBareRelay();
  let full: RelayUnderTest | null = null;
  try {
    try {
      full = await startFullRelay();
    } catch (error) {
      part.note(
        `not measured: the full pipeline (${describeError(error)}); the bare relay alone is measured.`,
      );
    }
    part.note(
      `Workload: ~400-byte chat events (one \`event\` emit with ack each) from one producer process; ` +
        `subscribers in separate processes (≤ 25 clients each) subscribed to \`chat\`; latency = arrival − send time ` +
        `on the machine's clock; server CPU from /proc/<pid>/stat over the send window (% of one core; over 100% ` +
        `means Node's GC and I/O threads too). A run's collection ends when every client has every event, after ` +
        `2 quiet seconds, or ${options.maxDrainMs / 1000} s after the last send; what has not arrived then counts as lost. ` +
        `${options.durationMs / 1000} s runs, ${options.repetitions} repetitions (more where a scenario says so), ${options.warmupMs / 1000} s warm-up per relay and scenario.`,
    );
    let first = true;
    const measured = new Map<string, RunOutcome[]>();
    for (const scenario of options.scenarios) {
      const outcomes = await runScenario(part, bare, full, scenario, options, first);
      first = false;
      const byKey = scenarioKey(scenario);
      measured.set(byKey, outcomes);
      if (
        full &&
        scenario.clients > 0 &&
        outcomes.some((o) => o.relay === 'full' && o.delivered === 0)
      ) {
        part.note(
          'not measured: the full pipeline — it acknowledged the chat events but delivered no `chat.line` ' +
            'update to /overlay clients subscribed to `chat`; the remaining scenarios run on the bare relay alone.',
        );
        await full.stop();
        full = null;
      }
    }
    ingestFloorFigures(part, measured);
  } finally {
    await Promise.all([bare.stop(), full?.stop()]);
  }
}

async function runScenario(
  part: PartRecorder,
  bare: RelayUnderTest,
  full: RelayUnderTest | null,
  scenario: Scenario,
  options: RelayBenchOptions,
  cold: boolean,
): Promise<RunOutcome[]> {
  const clients = scenario.clients === 0 ? ', no overlays' : ` × ${scenario.clients}`;
  const name = `${scenario.rate.toLocaleString('en-US')} ev/s${clients}${scenario.hog ? ' + CPU hog' : ''}`;
  console.log(`[bench] relay: ${name}`);
  let hog: ChildProcess | null = null;
  const rigs: Rig[] = [];
  const outcomes: RunOutcome[] = [];
  try {
    if (scenario.hog) hog = spawnTs('bench/relay/cpu-hog.ts', ['900']);
    for (const relay of full ? [bare, full] : [bare])
      rigs.push(await openRig(relay, scenario.clients));
    const settle = async () => {
      const pids = [
        ...rigs.map((r) => r.relay.pid),
        ...rigs.flatMap((r) => r.subscribers.map((w) => w.pid)),
      ];
      if (!(await waitUntilQuiet(pids, 0.15, options.settleTimeoutMs))) {
        part.note(
          `${name}: a relay or client was still busy ${options.settleTimeoutMs / 1000} s after a run; the next run may be disturbed.`,
        );
      }
    };
    if (cold) {
      for (const rig of rigs) {
        const outcome = await measureRun(
          rig,
          scenario.rate,
          options.durationMs,
          options.maxDrainMs,
        );
        coldFigures(part, name, outcome);
        await settle();
      }
    }
    for (const rig of rigs) {
      await measureRun(rig, scenario.rate, options.warmupMs, options.maxDrainMs);
      await settle();
    }
    for (let rep = 0; rep < (scenario.repetitions ?? options.repetitions); rep++) {
      for (const rig of rigs) {
        const outcome = await measureRun(
          rig,
          scenario.rate,
          options.durationMs,
          options.maxDrainMs,
        );
        outcomes.push(outcome);
        console.log(`[bench]   ${describeOutcome(outcome)}`);
        await settle();
      }
    }
  } finally {
    await Promise.all(rigs.map(closeRig));
    if (hog) await killChild(hog);
    await delay(200);
  }
  scenarioFigures(part, name, scenario, outcomes);
  return outcomes;
}

function describeOutcome(o: RunOutcome): string {
  const refused = Object.entries(o.refused)
    .map(([code, n]) => `${code}×${n}`)
    .join(',');
  return (
    `${o.relay}: p50 ${o.p50.toFixed(2)} p95 ${o.p95.toFixed(2)} p99 ${o.p99.toFixed(2)} ms, ` +
    `delivered ${o.delivered}/${o.expected}, cpu ${o.cpuPercent.toFixed(0)}%${refused ? `, refused ${refused}` : ''}`
  );
}

function coldFigures(part: PartRecorder, name: string, o: RunOutcome): void {
  part.add(figure(`cold start ${name}: ${o.relay} p99`, 'ms', [o.p99]));
  part.add(figure(`cold start ${name}: ${o.relay} lost`, 'events', [o.lost]));
}

function scenarioFigures(
  part: PartRecorder,
  name: string,
  scenario: Scenario,
  outcomes: RunOutcome[],
): void {
  const targets = TARGETS[scenarioKey(scenario)] ?? {};
  const byRelay = {
    bare: outcomes.filter((o) => o.relay === 'bare'),
    full: outcomes.filter((o) => o.relay === 'full'),
  };
  const rows: Array<[string, string, (o: RunOutcome) => number, keyof ScenarioTargets | null]> = [
    ['p50', 'ms', (o) => o.p50, 'p50'],
    ['p95', 'ms', (o) => o.p95, null],
    ['p99', 'ms', (o) => o.p99, 'p99'],
    ['lost', 'events', (o) => o.lost, 'lost'],
    ['server CPU', '% core', (o) => o.cpuPercent, null],
    ['producer + clients CPU', '% core', (o) => o.clientCpuPercent, null],
  ];
  // With no overlays there is nothing delivered to time: CPU only.
  const shown = scenario.clients === 0 ? rows.filter(([metric]) => metric.includes('CPU')) : rows;
  for (const relay of ['bare', 'full'] as const) {
    const runs = byRelay[relay];
    if (runs.length === 0) continue;
    for (const [metric, unit, pick, target] of shown) {
      const t = relay === 'full' && target ? targets[target] : undefined;
      part.add(figure(`${name}: ${relay} ${metric}`, unit, runs.map(pick), t));
    }
    const refused = runs.flatMap((o) => Object.entries(o.refused).map(([c, n]) => `${c}×${n}`));
    if (refused.length) part.note(`${name}: ${relay} producer saw refusals: ${refused.join(', ')}`);
    const dupes = runs.reduce((n, o) => n + o.duplicates, 0);
    if (dupes) part.note(`${name}: ${relay} delivered ${dupes} duplicate copies`);
    const drops = runs.reduce((n, o) => n + o.disconnects, 0);
    if (drops) part.note(`${name}: ${relay} clients disconnected ${drops} times during runs`);
  }
  const { bare, full } = byRelay;
  const pairs = Math.min(bare.length, full.length);
  if (pairs === 0) return;
  const ratio = (pick: (o: RunOutcome) => number) =>
    bare.slice(0, pairs).map((b, i) => pick(full[i] ?? b) / pick(b));
  if (scenario.clients > 0) {
    part.add(
      figure(
        `${name}: p99 full / bare`,
        '×',
        ratio((o) => o.p99),
        targets.p99Ratio,
      ),
    );
  }
  part.add(
    figure(
      `${name}: server CPU full / bare`,
      '×',
      ratio((o) => o.cpuPercent),
      targets.cpuRatio,
    ),
  );
}

const scenarioKey = (scenario: Scenario) =>
  `${scenario.rate}x${scenario.clients}${scenario.hog ? '+hog' : ''}`;

/**
 * The full relay's CPU with no overlays at all, as a share of the bare relay's with 10: the
 * lowest the 5,000 × 10 CPU ratio could go if sending to overlays cost nothing.
 */
function ingestFloorFigures(part: PartRecorder, measured: Map<string, RunOutcome[]>): void {
  const alone = measured.get('5000x0')?.filter((o) => o.relay === 'full') ?? [];
  const bareTen = measured.get('5000x10')?.filter((o) => o.relay === 'bare') ?? [];
  const pairs = Math.min(alone.length, bareTen.length);
  if (pairs === 0) return;
  part.add(
    figure(
      '5,000 ev/s: full server CPU with no overlays / bare with 10',
      '×',
      alone.slice(0, pairs).map((o, i) => o.cpuPercent / (bareTen[i]?.cpuPercent ?? Number.NaN)),
    ),
  );
}

type ScenarioTargets = Partial<Record<'p50' | 'p99' | 'lost' | 'p99Ratio' | 'cpuRatio', Target>>;

const NOTHING_LOST = everyRunAtMost(0, '0 in every run');

/** The relay targets of docs/targets.md; the hog pair is held to the quiet machine's 5,000 × 10 targets. */
const TARGETS: Record<string, ScenarioTargets> = {
  '1000x10': { p50: atMost(2, '≤ 2 ms'), p99Ratio: atMost(1.25, '≤ 1.25× bare') },
  '5000x10': {
    p99Ratio: atMost(1.25, '≤ 1.25× bare'),
    cpuRatio: atMost(0.5, '≤ 0.5× bare'),
    lost: NOTHING_LOST,
  },
  '5000x50': { lost: NOTHING_LOST, p99: atMost(100, '≤ 100 ms') },
  '5000x10+hog': {
    p99Ratio: atMost(1.25, '≤ 1.25× bare'),
    cpuRatio: atMost(0.5, '≤ 0.5× bare'),
    lost: NOTHING_LOST,
  },
};
