/**
 * A whole simulated stream at once, as fast as the CPU allows: for soak and bench journals and
 * for tests. `simulatedEventChunks` yields it a minute at a time so an 8-hour huge stream never
 * sits in memory whole.
 */

import type { SimulatorTruth } from '../../overlay-server/sources/simulator/expected-totals';
import {
  createStreamSimulator,
  DEFAULT_SIMULATION_START,
  type StreamSimulatorOptions,
} from '../../overlay-server/sources/simulator/stream-simulator';
import type { LiveEvent } from '../../shared/events/live-event';

export interface SimulateStreamOptions extends StreamSimulatorOptions {
  /** Stream length in ms; the stream starts with `streamStart` and ends with `streamEnd`. */
  durationMs: number;
  /** Window per yielded chunk, in ms of stream time. Default one minute. */
  chunkMs?: number;
}

export interface SimulatedStream {
  events: LiveEvent[];
  /** What the simulator sent: coins committed, likes total, … (see `expectedTotals`). */
  truth: SimulatorTruth;
  startAt: number;
  endAt: number;
}

export function* simulatedEventChunks(
  options: SimulateStreamOptions,
): Generator<LiveEvent[], SimulatorTruth> {
  if (!(options.durationMs >= 0)) throw new RangeError('durationMs must be ≥ 0');
  const chunkMs = options.chunkMs ?? 60_000;
  const simulator = createStreamSimulator(options);
  const endAt = simulator.startAt + options.durationMs;
  while (simulator.cursor + chunkMs < endAt) {
    yield simulator.generate(simulator.cursor, simulator.cursor + chunkMs);
  }
  yield simulator.finish(endAt);
  return simulator.truth();
}

export function simulateStream(options: SimulateStreamOptions): SimulatedStream {
  const startAt = options.startAt ?? DEFAULT_SIMULATION_START;
  const events: LiveEvent[] = [];
  const chunks = simulatedEventChunks({ ...options, startAt });
  for (;;) {
    const next = chunks.next();
    if (next.done)
      return { events, truth: next.value, startAt, endAt: startAt + options.durationMs };
    for (const event of next.value) events.push(event);
  }
}
