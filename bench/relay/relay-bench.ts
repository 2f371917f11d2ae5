/**
 * Part 1: relay latency, delivery and CPU of the full pipeline against a bare Socket.IO relay,
 * in the same run, interleaved (bare, full, full batched, and both relays fed in source pushes,
 * then again), warmed up; cold start is measured first on servers of its own (cold-start.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { delay, killChild, spawnTs } from '../lib/processes';
import { describeError, type PartRecorder } from '../lib/results';
import { coldStartBench } from './cold-start';
import { ingestFloorFigures, scenarioFigures } from './relay-figures';
import {
  type Audiences,
  closeRigs,
  describeOutcome,
  measureRun,
  openRig,
  type Rig,
  type RunOutcome,
  settleRigs,
  type Variant,
} from './relay-run';
import {
  type RelayBenchOptions,
  type Scenario,
  SOURCE_PUSH_MS,
  scenarioKey,
  scenarioName,
} from './relay-scenarios';
import { type RelayUnderTest, startBareRelay, startFullRelay } from './relays';

export { FULL_RELAY, QUICK_RELAY } from './relay-scenarios';

/**
 * `clients: 0` runs the producer alone: what receiving and acknowledging the events costs each
 * relay before any overlay is sent anything. Set beside the 5,000 × 10 run it shows how much of
 * the bare relay's CPU the full pipeline could possibly save.
 */
export async function relayBench(part: PartRecorder, options: RelayBenchOptions): Promise<void> {
  part.note(
    `Workload: ~400-byte chat events from one producer process, sent at a steady rate: a send loop wakes on a timer ` +
      `and sends what has fallen due, stamping each event when it is sent. Waking every 1 ms: "bare" and "full" get one \`event\` emit with its ack per event (the baseline the targets were set against); ` +
      `"full batched" gets each wake-up's due events as one \`events\` emit with one ack (per-event results): ` +
      `about 5 events per emit at 5,000/s, 1 at 1,000/s. Waking every ${SOURCE_PUSH_MS} ms, as a source receiving in pushes (a TikTok webcast response, ` +
      `a burst of chat rows on the page, a block of a replay): "bare, source pushes" gets each push an emit per event, "full batched, source pushes" ` +
      `as one batch (${SOURCE_PUSH_MS} events at 1,000/s, ${SOURCE_PUSH_MS * 5} at 5,000/s); the CPU targets are judged on these two. Subscribers in separate processes (≤ 25 clients each) subscribed to \`chat\`; ` +
      `latency = arrival − send time on the machine's clock; server CPU from /proc/<pid>/stat over the send window (% of one core; ` +
      `over 100% means Node's GC and I/O threads too). A run's collection ends when every client has every event, after ` +
      `2 quiet seconds, or ${options.maxDrainMs / 1000} s after the last send; what has not arrived then counts as lost. ` +
      `${options.durationMs / 1000} s runs, ${options.repetitions} repetitions (more where a scenario says so), ` +
      `${options.warmupMs / 1000} s warm-up per variant and scenario; variants interleave run by run.`,
  );
  await coldStartBench(part, options);
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
    const measured = new Map<string, RunOutcome[]>();
    for (const scenario of options.scenarios) {
      const outcomes = await runScenario(
        part,
        variantsFor(scenario, bare, full),
        scenario,
        options,
      );
      measured.set(scenarioKey(scenario), outcomes);
      if (
        full &&
        scenario.clients > 0 &&
        outcomes.some((o) => o.relay !== 'bare' && o.delivered === 0)
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

function variantsFor(
  scenario: Scenario,
  bare: RelayUnderTest,
  full: RelayUnderTest | null,
): Variant[] {
  const variants: Variant[] = [{ label: 'bare', relay: bare, ingest: 'single', everyMs: 1 }];
  if (full) {
    variants.push({ label: 'full', relay: full, ingest: 'single', everyMs: 1 });
    if (scenario.batched) {
      variants.push({ label: 'full batched', relay: full, ingest: 'turn', everyMs: 1 });
    }
  }
  if (scenario.batched) {
    const pushes = SOURCE_PUSH_MS;
    variants.push({ label: 'bare, source pushes', relay: bare, ingest: 'single', everyMs: pushes });
    if (full) {
      variants.push({
        label: 'full batched, source pushes',
        relay: full,
        ingest: 'turn',
        everyMs: pushes,
      });
    }
  }
  return variants;
}

async function runScenario(
  part: PartRecorder,
  variants: Variant[],
  scenario: Scenario,
  options: RelayBenchOptions,
): Promise<RunOutcome[]> {
  const name = scenarioName(scenario);
  console.log(`[bench] relay: ${name}`);
  let hog: ChildProcess | null = null;
  const rigs: Rig[] = [];
  const audiences: Audiences = new Map();
  const outcomes: RunOutcome[] = [];
  try {
    if (scenario.hog) hog = spawnTs('bench/relay/cpu-hog.ts', ['900']);
    for (const variant of variants) rigs.push(await openRig(variant, scenario.clients, audiences));
    const settle = () => settleRigs(part, name, rigs, options.settleTimeoutMs);
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
    await closeRigs(rigs, audiences);
    if (hog) await killChild(hog);
    await delay(200);
  }
  scenarioFigures(part, name, scenario, outcomes);
  return outcomes;
}
