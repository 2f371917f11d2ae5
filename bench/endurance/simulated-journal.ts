/**
 * Feeds a simulated stream (seeded, `mid` preset) into a real server through `/ingest` at high
 * speed, which is how the server's journal for that stream gets written. The stream is left
 * running (its `streamEnd` is held back) so a restart has to resume it from the journal.
 */
import type { LiveEvent } from '../../shared/events/live-event';
import { connectIngest, type PushTotals, pushEvents } from '../lib/ingest-client';
import type { LimelightServer } from '../lib/limelight-server';
import { expectedCoins, simulatedEvents } from '../lib/simulator';

export const SIMULATION_SEED = 20_261_126;

export interface SimulatedStream {
  events: LiveEvent[];
  /** Stream time the events span, hours. */
  streamHours: number;
  expectedCoins: number;
}

export async function simulateForBench(durationMs: number): Promise<SimulatedStream> {
  const all = await simulatedEvents({ seed: SIMULATION_SEED, preset: 'mid', durationMs });
  const events = all.filter((event) => event.kind !== 'streamEnd');
  const first = events[0]?.at ?? 0;
  const last = events.at(-1)?.at ?? first;
  return {
    events,
    streamHours: (last - first) / 3_600_000,
    expectedCoins: await expectedCoins(events),
  };
}

/** Where the feed is, for memory samples: events acknowledged so far and their stream time. */
export interface FeedProgress {
  acknowledged: number;
  streamHours: number;
}

export async function feedStream(
  server: LimelightServer,
  stream: SimulatedStream,
  onProgress?: (progress: FeedProgress) => void,
): Promise<PushTotals & { seconds: number }> {
  const socket = await connectIngest(server.baseUrl, server.tokens.ingest);
  const started = performance.now();
  const first = stream.events[0]?.at ?? 0;
  try {
    const totals = await pushEvents(socket, stream.events, {
      batchSize: 1000,
      // Under the server's ingest budget (20,000 events/s per socket).
      maxPerSecond: 15_000,
      onBatch: (reached) =>
        onProgress?.({
          acknowledged: reached,
          streamHours: ((stream.events[reached - 1]?.at ?? first) - first) / 3_600_000,
        }),
    });
    return { ...totals, seconds: (performance.now() - started) / 1000 };
  } finally {
    socket.close();
  }
}
