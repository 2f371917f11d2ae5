import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../shared/events/live-event';
import { simulateStream } from '../../../tests/support/simulate-stream';
import { createVirtualClock } from '../clock';
import type { SourceSink, SourceStatus } from '../source';
import { createSimulatorSource } from './simulator-source';

const WALL_START = 1_800_000_000_000;

function collect(clock: { now(): number }, onEmit?: (event: LiveEvent) => void) {
  const emitted: Array<{ event: LiveEvent; wallAt: number }> = [];
  const statuses: SourceStatus[] = [];
  const sink: SourceSink = {
    emit: (event) => {
      emitted.push({ event, wallAt: clock.now() });
      onEmit?.(event);
    },
    status: (status) => statuses.push(status),
  };
  return { sink, emitted, statuses };
}

describe('simulator source (real-time runner)', () => {
  it('emits the simulated stream at wall-clock pace times the speed', async () => {
    const clock = createVirtualClock(WALL_START);
    const { sink, emitted, statuses } = collect(clock);
    const source = createSimulatorSource({
      seed: 4,
      preset: 'mid',
      speed: 10,
      clock,
      durationMs: 120_000,
    });
    await source.start(sink, new AbortController().signal);

    const expected = simulateStream({
      seed: 4,
      preset: 'mid',
      durationMs: 120_000,
      startAt: WALL_START,
    });
    expect(emitted.map((e) => e.event)).toEqual(expected.events);
    // 120 s of stream at 10× take 12 s of wall time; every event is out within one tick (50 ms).
    expect(clock.now() - WALL_START).toBe(12_000);
    for (const { event, wallAt } of emitted) {
      const due = WALL_START + (event.at - WALL_START) / 10;
      expect(wallAt).toBeGreaterThanOrEqual(Math.floor(due));
      expect(wallAt - due).toBeLessThanOrEqual(50);
    }
    expect(statuses.map((s) => s.state)).toEqual(['live', 'ended']);
  });

  it('pauses the stream over a long stall instead of flooding the relay', async () => {
    let now = WALL_START;
    let sleeps = 0;
    // The 20th tick oversleeps by an hour (a suspended laptop).
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ++sleeps === 20 ? 3_600_000 : ms;
      },
    };
    const { sink, emitted } = collect(clock);
    await createSimulatorSource({ seed: 4, preset: 'huge', clock, durationMs: 10_000 }).start(
      sink,
      new AbortController().signal,
    );
    // 10 s of a huge stream, not an hour's worth in one tick.
    const end = emitted.at(-1)?.event;
    expect(end).toMatchObject({ kind: 'streamEnd', at: WALL_START + 10_000 });
    expect(emitted.length).toBeLessThan(5000);
    const stallWall = WALL_START + 19 * 50 + 3_600_000;
    const afterStall = emitted.filter((e) => e.wallAt === stallWall).map((e) => e.event.at);
    expect(Math.max(...afterStall) - Math.min(...afterStall)).toBeLessThanOrEqual(2050);
  });

  it('stops when aborted, without ending the stream itself', async () => {
    const clock = createVirtualClock(WALL_START);
    const abort = new AbortController();
    const { sink, emitted, statuses } = collect(clock, () => {
      if (clock.now() - WALL_START >= 30_000) abort.abort();
    });
    await createSimulatorSource({ seed: 4, preset: 'huge', clock }).start(sink, abort.signal);
    expect(emitted.length).toBeGreaterThan(100);
    expect(emitted.some((e) => e.event.kind === 'streamEnd')).toBe(false);
    expect(statuses.at(-1)).toEqual({ state: 'ended', detail: 'huge stream, seed 4: stopped' });
  });
});
