/**
 * `--replay FILE --speed N`: plays a raw recording or a journal back, keeping the events'
 * relative timing divided by the speed. The file is streamed, so an 8-hour journal starts at once
 * and stays flat in memory. Pacing is measured from the first event against the clock, so
 * waits do not accumulate drift.
 */
import { basename } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type SourceClock, systemClock } from './clock';
import { createInputTally, type InputSummary } from './input-summary';
import { outcomeOf, type RecordingFormat, readRecordingFile } from './recording';
import type { EventSourceRunner, SourceSink } from './source';
import type { PayloadMappingOptions } from './tiktok-payloads/index';

/** `max` (or 0): as fast as possible. */
export type ReplaySpeed = number | 'max';

export interface ReplayOptions {
  file: string;
  /** 1 = real time, 10 = ten times faster, `max` or 0 = no waiting. Default 1. */
  speed?: ReplaySpeed;
  /** Stamp each event with the clock's time when it is emitted instead of its recorded `at`. */
  retime?: boolean;
  clock?: SourceClock;
  /** Payload mapping for raw recordings (source defaults to `replay`). */
  mapping?: PayloadMappingOptions;
  /** At max speed, give the event loop a turn every this many events. Default 256. */
  yieldEvery?: number;
}

export interface ReplayStats {
  format: RecordingFormat | null;
  events: number;
  skipped: number;
  problems: number;
}

export interface ReplaySource extends EventSourceRunner {
  stats(): ReplayStats;
  /** Every line's outcome so far, as `npm run report` sums up the same file. */
  summary(): InputSummary;
}

/** Parses the `--speed` flag: a positive number, `0` or `max`. */
export function parseReplaySpeed(text: string): ReplaySpeed {
  if (text === 'max' || text === '0') return 'max';
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new RangeError(`--speed: expected a positive number, 0 or "max", got "${text}"`);
  }
  return speed;
}

export function createReplaySource(options: ReplayOptions): ReplaySource {
  const clock = options.clock ?? systemClock;
  const speed = options.speed === 0 ? 'max' : (options.speed ?? 1);
  if (speed !== 'max' && !(speed > 0))
    throw new RangeError(`replay speed must be > 0, got ${speed}`);
  const yieldEvery = options.yieldEvery ?? 256;
  const stats: ReplayStats = { format: null, events: 0, skipped: 0, problems: 0 };
  const tally = createInputTally();
  const name = basename(options.file);

  async function play(sink: SourceSink, signal: AbortSignal): Promise<void> {
    sink.status({ state: 'connecting', detail: `reading ${name}` });
    sink.inputTally?.(() => tally.summary());
    let firstAt: number | null = null;
    let wallStart = 0;
    const items = readRecordingFile(options.file, {
      ...options.mapping,
      onFormat: (format) => {
        stats.format = format;
      },
    });
    for await (const item of items) {
      if (signal.aborted) break;
      tally.add(outcomeOf(item));
      if (item.kind === 'problem') {
        stats.problems++;
        sink.problem?.({ message: item.message, line: item.line });
        continue;
      }
      if (item.kind !== 'event') {
        // Duplicates are left out as the relay would drop them; records carry no event.
        if (item.kind === 'skipped') stats.skipped++;
        continue;
      }
      if (firstAt === null) {
        firstAt = item.at;
        wallStart = clock.now();
        sink.status({ state: 'live', detail: `replaying ${name} at ${speedLabel(speed)}` });
      }
      if (speed === 'max') {
        if (stats.events > 0 && stats.events % yieldEvery === 0) await yieldToEventLoop();
      } else {
        const due = wallStart + (item.at - firstAt) / speed;
        const wait = Math.round(due - clock.now());
        if (wait > 0) await clock.sleep(wait, signal);
      }
      if (signal.aborted) break;
      stats.events++;
      sink.emit(options.retime ? { ...item.event, at: clock.now() } : item.event);
    }
    // The file is read to its end: streaks whose end never came commit by the quiet period, as
    // the report of the same file commits them.
    if (!signal.aborted) tally.settled(sink.endOfInput?.() ?? 0);
    const { events, duplicates, skipped } = tally.summary();
    const summary = `${events} events, ${duplicates.count} duplicates, ${skipped.count} skipped`;
    sink.status({
      state: 'ended',
      detail: signal.aborted ? `stopped: ${summary}` : `${name} ended: ${summary}`,
    });
  }

  return {
    name: 'replay',
    stats: () => ({ ...stats }),
    summary: () => tally.summary(),
    async start(sink, signal) {
      try {
        await play(sink, signal);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        sink.status({ state: 'error', detail: `cannot replay ${name}: ${reason}` });
        throw error;
      }
    },
  };
}

const speedLabel = (speed: ReplaySpeed) => (speed === 'max' ? 'full speed' : `${speed}×`);
