/**
 * The default demo source: the simulated stream emitted at wall-clock pace (times `speed`). Each
 * tick generates the stream time that passed since the last one, so events keep their
 * simulated spacing and a slow tick never loses any.
 */
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
}

export function createSimulatorSource(options: SimulatorSourceOptions = {}): EventSourceRunner {
  const clock = options.clock ?? systemClock;
  const speed = options.speed ?? 1;
  const tickMs = options.tickMs ?? 50;
  const preset = options.preset ?? 'mid';
  if (!(speed > 0)) throw new RangeError(`simulator speed must be > 0, got ${speed}`);
  if (!(tickMs > 0)) throw new RangeError(`simulator tick must be > 0 ms, got ${tickMs}`);

  return {
    name: 'simulator',
    async start(sink, signal) {
      const wallStart = clock.now();
      const simulator = createStreamSimulator({
        seed: options.seed ?? 1,
        preset,
        startAt: wallStart,
        host: options.host,
      });
      const endAt =
        options.durationMs === undefined
          ? Number.POSITIVE_INFINITY
          : wallStart + options.durationMs;
      const detail = `${preset} stream, seed ${options.seed ?? 1}${speed === 1 ? '' : `, ${speed}×`}`;
      sink.status({ state: 'live', detail });
      while (!signal.aborted) {
        const streamNow = wallStart + Math.floor((clock.now() - wallStart) * speed);
        if (streamNow >= endAt) {
          for (const event of simulator.finish(endAt)) sink.emit(event);
          sink.status({ state: 'ended', detail: `${detail}: ended` });
          return;
        }
        // +1: events stamped exactly `streamNow` go out now, not a tick later.
        for (const event of simulator.generate(simulator.cursor, streamNow + 1)) sink.emit(event);
        await clock.sleep(tickMs, signal);
      }
      sink.status({ state: 'ended', detail: `${detail}: stopped` });
    },
  };
}
