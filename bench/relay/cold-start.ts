/**
 * Cold start: each variant on a server of its own, started just before, its first traffic the
 * measured run (no warm-up runs). V8 compiles the hot paths during the first second, so the
 * figures are the first second's p99 and the whole run's.
 */
import { figure, type PartRecorder } from '../lib/results';
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
import { type RelayBenchOptions, scenarioName } from './relay-scenarios';
import { type RelayUnderTest, startBareRelay, startFullRelay } from './relays';

export async function coldStartBench(
  part: PartRecorder,
  options: RelayBenchOptions,
): Promise<void> {
  const { rate, clients } = options.cold;
  const name = `cold start ${scenarioName({ rate, clients })}`;
  console.log(`[bench] relay: ${name}`);
  const relays: RelayUnderTest[] = [];
  const rigs: Rig[] = [];
  const audiences: Audiences = new Map();
  const outcomes: RunOutcome[] = [];
  try {
    const variants: Variant[] = [];
    const start = async (label: Variant['label'], ingest: Variant['ingest']) => {
      const relay = label === 'bare' ? await startBareRelay() : await startFullRelay();
      relays.push(relay);
      variants.push({ label, relay, ingest, everyMs: 1 });
    };
    await start('bare', 'single');
    await start('full', 'single');
    await start('full batched', 'turn');
    for (const variant of variants) rigs.push(await openRig(variant, clients, audiences));
    for (const rig of rigs) {
      const outcome = await measureRun(rig, rate, options.durationMs, options.maxDrainMs);
      outcomes.push(outcome);
      console.log(`[bench]   ${describeOutcome(outcome)}`);
      await settleRigs(part, name, rigs, options.settleTimeoutMs);
    }
  } finally {
    await closeRigs(rigs, audiences);
    await Promise.all(relays.map((relay) => relay.stop()));
  }
  const bare = outcomes.find((o) => o.relay === 'bare');
  for (const o of outcomes) {
    part.add(figure(`${name}: ${o.relay} p99 in the first second`, 'ms', [o.firstSecondP99]));
    part.add(figure(`${name}: ${o.relay} p99`, 'ms', [o.p99]));
    part.add(figure(`${name}: ${o.relay} lost`, 'events', [o.lost]));
  }
  for (const o of outcomes) {
    if (o.relay === 'bare' || !bare) continue;
    part.add(
      figure(`${name}: first-second p99 ${o.relay} / bare`, '×', [
        o.firstSecondP99 / bare.firstSecondP99,
      ]),
    );
  }
}
