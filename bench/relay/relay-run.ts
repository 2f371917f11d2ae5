/**
 * One scenario rig per variant (a relay and how its producer ingests: a producer process and
 * subscriber processes connected to the relay), and one measured run: arm the subscribers,
 * produce `rate × duration` events, collect, read the relay's CPU from /proc over the run.
 */
import { cpuSecondsOf, waitUntilQuiet } from '../lib/processes';
import type { PartRecorder } from '../lib/results';
import { summarizeLatencies } from '../lib/stats';
import { Worker } from '../lib/worker';
import type {
  IngestMode,
  ProducerCommand,
  ProducerReport,
  SendEveryMs,
  SubscriberReport,
} from './messages';
import type { RelayUnderTest } from './relays';

/**
 * How the figures name a variant: the bare relay, and the full one per ingest mode, with the
 * producer waking every 1 ms; and the two again fed in source pushes (`SOURCE_PUSH_MS`).
 */
export type VariantLabel =
  | 'bare'
  | 'full'
  | 'full batched'
  | 'bare, source pushes'
  | 'full batched, source pushes';

/** A relay, the way its producer ingests and how often the producer sends. */
export interface Variant {
  label: VariantLabel;
  relay: RelayUnderTest;
  ingest: IngestMode;
  everyMs: SendEveryMs;
}

/** Clients per subscriber process: enough processes that no single client process is the cap. */
const CLIENTS_PER_PROCESS = 25;

export interface Rig {
  variant: Variant;
  relay: RelayUnderTest;
  producer: Worker;
  /** The relay's overlay clients, shared by every variant fed to that relay (`Audiences`). */
  subscribers: Worker[];
  clients: number;
}

/**
 * The overlay clients of each relay in a scenario. A relay sends every event to all of its
 * connected clients, so variants that feed the same relay share one set of `clients`: with a set
 * per variant, a relay fed two ways would send each event to twice the clients the scenario names.
 */
export type Audiences = Map<RelayUnderTest, Promise<Worker[]>>;

export async function openRig(
  variant: Variant,
  clients: number,
  audiences: Audiences,
): Promise<Rig> {
  const relay = variant.relay;
  const producer = new Worker('bench/relay/producer.ts');
  try {
    await producer.request({ type: 'connect', endpoint: relay.ingest }, 'connected', 30_000);
    let audience = audiences.get(relay);
    if (!audience) {
      audience = connectSubscribers(relay, clients);
      audiences.set(relay, audience);
    }
    return { variant, relay, producer, subscribers: await audience, clients };
  } catch (error) {
    await producer.close();
    throw error;
  }
}

async function connectSubscribers(relay: RelayUnderTest, clients: number): Promise<Worker[]> {
  const processes = Math.ceil(clients / CLIENTS_PER_PROCESS);
  const subscribers = Array.from(
    { length: processes },
    () => new Worker('bench/relay/subscribers.ts'),
  );
  try {
    await Promise.all(
      subscribers.map((worker, index) =>
        worker.request(
          {
            type: 'connect',
            endpoint: relay.overlay,
            clients: share(clients, processes, index),
            channels: ['chat'],
          },
          'connected',
          30_000,
        ),
      ),
    );
  } catch (error) {
    await Promise.all(subscribers.map((w) => w.close()));
    throw error;
  }
  return subscribers;
}

const share = (total: number, parts: number, index: number) =>
  Math.floor(total / parts) + (index < total % parts ? 1 : 0);

/** Closes the rigs' producers and every relay's overlay clients. */
export async function closeRigs(rigs: Rig[], audiences: Audiences): Promise<void> {
  const sets = await Promise.allSettled(audiences.values());
  await Promise.all([
    ...rigs.map((rig) => rig.producer.close()),
    ...sets.flatMap((set) => (set.status === 'fulfilled' ? set.value : [])).map((w) => w.close()),
  ]);
}

/** What one run measured. Latencies in ms, CPU as % of one core over the send window. */
export interface RunOutcome {
  relay: VariantLabel;
  rate: number;
  clients: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** p99 of the events sent in the run's first second (what a cold start shows). */
  firstSecondP99: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  /** Client disconnections during the run (e.g. ping timeouts of a starved client). */
  disconnects: number;
  cpuPercent: number;
  /** CPU of the producer and subscriber processes (the load generator), % of one core. */
  clientCpuPercent: number;
  refused: Record<string, number>;
  sendSpanMs: number;
  drainMs: number;
  /** Producer emits per event sent (1 one at a time; about 1/5 in turn batches at 5,000/s). */
  emitsPerEvent: number;
}

let nextRunId = Math.floor(Date.now() / 1000) % 100_000;

export async function measureRun(
  rig: Rig,
  rate: number,
  durationMs: number,
  maxDrainMs: number,
): Promise<RunOutcome> {
  const runId = nextRunId++;
  const count = Math.round((rate * durationMs) / 1000);
  await Promise.all(
    rig.subscribers.map((w) =>
      w.request(
        { type: 'arm', runId, expected: count, firstSecond: Math.min(count, rate) },
        'armed',
        10_000,
      ),
    ),
  );
  const clientPids = [rig.producer.pid, ...rig.subscribers.map((w) => w.pid)];
  const clientCpu = () => clientPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  const clientCpuBefore = clientCpu();
  const cpuBefore = cpuSecondsOf(rig.relay.pid);
  const run: ProducerCommand = {
    type: 'run',
    runId,
    rate,
    count,
    ackWaitMs: maxDrainMs,
    ingest: rig.variant.ingest,
    everyMs: rig.variant.everyMs,
  };
  const produced = await rig.producer.request<ProducerReport>(run, 'ran', durationMs * 3 + 30_000);
  const collected = await Promise.all(
    rig.subscribers.map((w) =>
      w.request<SubscriberReport>(
        // Two quiet seconds end the wait early: a client process starved for a moment by other
        // work on the machine must not turn late deliveries into losses.
        { type: 'collect', quietMs: 2000, maxWaitMs: maxDrainMs },
        'collected',
        maxDrainMs + 20_000,
      ),
    ),
  );
  const cpuAfter = cpuSecondsOf(rig.relay.pid);
  const clientCpuAfter = clientCpu();
  const latency = summarizeLatencies(merge(collected.map((c) => c.latencies)));
  const firstSecond = summarizeLatencies(merge(collected.map((c) => c.firstSecondLatencies)));
  const expected = count * rig.clients;
  const delivered = collected.reduce((n, c) => n + c.delivered, 0);
  return {
    relay: rig.variant.label,
    rate,
    clients: rig.clients,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    max: latency.max,
    firstSecondP99: firstSecond.p99,
    expected,
    delivered,
    lost: expected - delivered,
    duplicates: collected.reduce((n, c) => n + c.duplicates, 0),
    disconnects: collected.reduce((n, c) => n + c.disconnects, 0),
    cpuPercent: ((cpuAfter - cpuBefore) / Math.max(produced.sendSpanMs / 1000, 0.001)) * 100,
    clientCpuPercent:
      ((clientCpuAfter - clientCpuBefore) / Math.max(produced.sendSpanMs / 1000, 0.001)) * 100,
    refused: produced.refused,
    sendSpanMs: produced.sendSpanMs,
    drainMs: Math.max(...collected.map((c) => c.drainMs)),
    emitsPerEvent: produced.emits / Math.max(produced.sent, 1),
  };
}

function merge(parts: Float64Array[]): Float64Array {
  const merged = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    merged.set(part, offset);
    offset += part.length;
  }
  return merged;
}

/** Waits for the relays and clients of `rigs` to go quiet between runs; notes when they don't. */
export async function settleRigs(
  part: PartRecorder,
  name: string,
  rigs: Rig[],
  timeoutMs: number,
): Promise<void> {
  const pids = [
    ...new Set(rigs.map((r) => r.relay.pid)),
    ...rigs.flatMap((r) => r.subscribers.map((w) => w.pid)),
  ];
  if (!(await waitUntilQuiet(pids, 0.15, timeoutMs))) {
    part.note(
      `${name}: a relay or client was still busy ${timeoutMs / 1000} s after a run; the next run may be disturbed.`,
    );
  }
}

export function describeOutcome(o: RunOutcome): string {
  const refused = Object.entries(o.refused)
    .map(([code, n]) => `${code}×${n}`)
    .join(',');
  return (
    `${o.relay}: p50 ${o.p50.toFixed(2)} p95 ${o.p95.toFixed(2)} p99 ${o.p99.toFixed(2)} ms ` +
    `(first second ${o.firstSecondP99.toFixed(2)}), delivered ${o.delivered}/${o.expected}, ` +
    `cpu ${o.cpuPercent.toFixed(0)}%${refused ? `, refused ${refused}` : ''}`
  );
}
