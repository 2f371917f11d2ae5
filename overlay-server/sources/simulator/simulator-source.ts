/**
 * The default demo source: the simulated stream emitted at wall-clock pace (times `speed`). Each
 * tick generates the stream time that passed since the last one, so events keep their
 * simulated spacing and a slow tick never loses any.
 */

import { mixSeed } from '../../../shared/random/prng';
import { type SourceClock, systemClock } from '../clock';
import type { EventSourceRunner } from '../source';
import type { SimulatorPresetName } from './presets';
import { createStreamSimulator } from './stream-simulator';

export interface SimulatorSourceOptions {
  /** Same seed, same stream. Default 1. */
  seed?: number;
  /** Default `mid`. */
  preset?: SimulatorPresetName;
  /** Stream time per wall-clock time: 10 plays ten minutes in one. Default 1. */
  speed?: number;
  clock?: SourceClock;
  /** Wall-clock ms between ticks. Default 50 (events reach overlays within a frame or three). */
  tickMs?: number;
  /** Stream time after which the stream ends (`streamEnd`) and the source resolves. Default: never. */
  durationMs?: number;
  host?: string;
  /**
   * Longest wall-clock gap (ms) the stream catches up on. After a longer stall (a suspended
   * laptop, a blocked event loop) the stream pauses for the excess instead of flooding the relay
   * with everything it "missed". Default 2000.
   */
  maxCatchUpMs?: number;
  /**
   * The stream was resumed after a crash: play a new seeded segment of it instead of the seed's
   * script from the beginning (which would repeat every gift already counted). `index` tells
   * segments apart (the resumed journal's length); `likeTotal` is the room's like total so far.
   */
  segment?: { index: number; likeTotal: number };
}

export function createSimulatorSource(options: SimulatorSourceOptions = {}): EventSourceRunner {
  const clock = options.clock ?? systemClock;
  const speed = options.speed ?? 1;
  const tickMs = options.tickMs ?? 50;
  const preset = options.preset ?? 'mid';
  const maxCatchUpMs = options.maxCatchUpMs ?? 2000;
  if (!(speed > 0)) throw new RangeError(`simulator speed must be > 0, got ${speed}`);
  if (!(tickMs > 0)) throw new RangeError(`simulator tick must be > 0 ms, got ${tickMs}`);

  return {
    name: 'simulator',
    async start(sink, signal) {
      let wallStart = clock.now();
      let lastTick = wallStart;
      const seed = options.seed ?? 1;
      const segment = options.segment;
      const simulator = createStreamSimulator({
        seed: segment ? mixSeed(seed, segment.index) : seed,
        audienceSeed: seed,
        preset,
        startAt: wallStart,
        host: options.host,
        continues: segment ? { likeTotal: segment.likeTotal } : undefined,
      });
      const endAt =
        options.durationMs === undefined
          ? Number.POSITIVE_INFINITY
          : simulator.startAt + options.durationMs;
      const detail = `${preset} stream, seed ${seed}${segment ? ', continued after a restart' : ''}${speed === 1 ? '' : `, ${speed}×`}`;
      sink.status({ state: 'live', detail });
      while (!signal.aborted) {
        const now = clock.now();
        const stalled = now - lastTick - maxCatchUpMs;
        if (stalled > 0) wallStart += stalled;
        lastTick = now;
        const streamNow = simulator.startAt + Math.floor((now - wallStart) * speed);
        if (streamNow >= endAt) {
          for (const event of simulator.finish(endAt)) sink.emit(event);
          sink.status({ state: 'ended', detail: `${detail}: ended` });
          return;
        }
        // +1: events stamped exactly `streamNow` go out now, not a tick later. The max guards
        // against a wall clock set backwards.
        const until = Math.max(simulator.cursor, streamNow + 1);
        for (const event of simulator.generate(simulator.cursor, until)) sink.emit(event);
        await clock.sleep(tickMs, signal);
      }
      sink.status({ state: 'ended', detail: `${detail}: stopped` });
    },
  };
}
