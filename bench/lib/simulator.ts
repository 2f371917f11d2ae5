/**
 * The server's seeded simulator run as a whole stream at once (`simulateStream`), and the
 * independent count of the coins it must add up to.
 */
import { expectedTotals } from '../../overlay-server/sources/simulator/expected-totals';
import type { LiveEvent } from '../../shared/events/live-event';
import { simulateStream } from '../../tests/support/simulate-stream';

export interface SimulateOptions {
  seed: number;
  preset: 'small' | 'mid' | 'huge';
  durationMs: number;
}

/** The simulated stream as a list of events. */
export async function simulatedEvents(options: SimulateOptions): Promise<LiveEvent[]> {
  return simulateStream(options).events;
}

/** Committed coins the events must add up to, from the server's independent expected-totals. */
export async function expectedCoins(events: LiveEvent[]): Promise<number> {
  return expectedTotals(events).coins;
}
