/**
 * One scenario rig per relay (a producer process and subscriber processes connected to it), and
 * one measured run: arm the subscribers, produce `rate × duration` events, collect, read the
 * relay's CPU from /proc over the run.
 */
import { cpuSecondsOf } from '../lib/processes';
import { summarizeLatencies } from '../lib/stats';
import { Worker } from '../lib/worker';
import type { ProducerReport, SubscriberReport } from './messages';
import type { RelayUnderTest } from './relays';

/** Clients per subscriber process: enough processes that no single client process is the cap. */
const CLIENTS_PER_PROCESS = 25;

export interface Rig {
  relay: RelayUnderTest;
  producer: Worker;
  subscribers: Worker[];
  clients: number;
}

export async function openRig(relay: RelayUnderTest, clients: number): Promise<Rig> {
  const producer = new Worker('bench/relay/producer.ts');
  const processes = Math.ceil(clients / CLIENTS_PER_PROCESS);
  const subscribers = Array.from(
    { length: processes },
    () => new Worker('bench/relay/subscribers.ts'),
  );
  const rig = { relay, producer, subscribers, clients };
  try {
    await producer.request({ type: 'connect', endpoint: relay.ingest }, 'connected', 30_000);
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
    await closeRig(rig);
    throw error;
  }
  return rig;
}

const share = (total: number, parts: number, index: number) =>
  Math.floor(total / parts) + (index < total % parts ? 1 : 0);

export async function closeRig(rig: Rig): Promise<void> {
  await Promise.all([rig.producer.close(), ...rig.subscribers.map((w) => w.close())]);
}

/** What one run measured. Latencies in ms, CPU as % of one core over the send window. */
export interface RunOutcome {
  relay: 'bare' | 'full';
  rate: number;
  clients: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
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
    rig.subscribers.map((w) => w.request({ type: 'arm', runId, expected: count }, 'armed', 10_000)),
  );
  const clientPids = [rig.producer.pid, ...rig.subscribers.map((w) => w.pid)];
  const clientCpu = () => clientPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  const clientCpuBefore = clientCpu();
  const cpuBefore = cpuSecondsOf(rig.relay.pid);
  const produced = await rig.producer.request<ProducerReport>(
    { type: 'run', runId, rate, count, ackWaitMs: maxDrainMs },
    'ran',
    durationMs * 3 + 30_000,
  );
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
  const merged = new Float64Array(collected.reduce((n, c) => n + c.latencies.length, 0));
  let offset = 0;
  for (const c of collected) {
    merged.set(c.latencies, offset);
    offset += c.latencies.length;
  }
  const latency = summarizeLatencies(merged);
  const expected = count * rig.clients;
  const delivered = collected.reduce((n, c) => n + c.delivered, 0);
  return {
    relay: rig.relay.name,
    rate,
    clients: rig.clients,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    max: latency.max,
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
  };
}
