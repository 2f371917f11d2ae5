/**
 * Loads the server's seeded simulator (`simulateStream({seed, preset, durationMs})`) without a
 * static import, so the bench still type-checks and runs ("not measured") before it lands.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LiveEvent } from '../../shared/events/live-event';
import { NotMeasured } from './results';

const SIMULATOR_DIR = 'overlay-server/sources/simulator';

export interface SimulateOptions {
  seed: number;
  preset: 'small' | 'mid' | 'huge';
  durationMs: number;
}

type SimulateStream = (options: SimulateOptions) => unknown;

async function findSimulateStream(): Promise<SimulateStream> {
  if (!existsSync(SIMULATOR_DIR)) throw new NotMeasured(`${SIMULATOR_DIR} has not landed`);
  const files = readdirSync(SIMULATOR_DIR).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  // index.ts first: the folder's public face.
  files.sort((a, b) => Number(b === 'index.ts') - Number(a === 'index.ts'));
  for (const file of files) {
    const module = (await import(pathToFileURL(resolve(join(SIMULATOR_DIR, file))).href)) as Record<
      string,
      unknown
    >;
    const candidate = module.simulateStream;
    if (typeof candidate === 'function') return candidate as SimulateStream;
  }
  throw new NotMeasured(`no simulateStream export in ${SIMULATOR_DIR} yet`);
}

/** The simulated stream as a list of events, whatever shape simulateStream returns it in. */
export async function simulatedEvents(options: SimulateOptions): Promise<LiveEvent[]> {
  const simulate = await findSimulateStream();
  let produced = simulate(options);
  if (produced instanceof Promise) produced = await produced;
  if (produced && typeof produced === 'object' && 'events' in produced) {
    produced = (produced as { events: unknown }).events;
  }
  if (Array.isArray(produced)) return produced as LiveEvent[];
  if (produced && typeof produced === 'object' && Symbol.iterator in produced) {
    return Array.from(produced as Iterable<LiveEvent>);
  }
  if (produced && typeof produced === 'object' && Symbol.asyncIterator in produced) {
    const events: LiveEvent[] = [];
    for await (const event of produced as AsyncIterable<LiveEvent>) events.push(event);
    return events;
  }
  throw new Error('simulateStream returned neither a list nor an iterable of events');
}

/** Committed coins the events must add up to, from the server's independent expected-totals. */
export async function expectedCoins(events: LiveEvent[]): Promise<number> {
  const path = join(SIMULATOR_DIR, 'expected-totals.ts');
  if (!existsSync(path)) throw new NotMeasured(`${path} has not landed`);
  const module = (await import(pathToFileURL(resolve(path)).href)) as {
    expectedTotals?: (events: Iterable<LiveEvent>) => { coins: number };
  };
  if (typeof module.expectedTotals !== 'function')
    throw new NotMeasured('no expectedTotals export');
  return module.expectedTotals(events).coins;
}
