import { describe, expect, it } from 'vitest';
import { sampleAlert } from '../../demo/sample-alert';
import { AlertSequencer, type SequencerEvent } from './alert-sequencer';
import { TIER_STYLES } from './tiers';

const types = (events: SequencerEvent[]) =>
  events.map((event) =>
    event.type === 'end' ? `end:${event.id}` : `${event.type}:${event.alert.id}`,
  );

/** Runs frames of 16 ms until `until` ms and collects every event. */
function run(sequencer: AlertSequencer, from: number, until: number): string[] {
  const seen: string[] = [];
  for (let now = from; now <= until; now += 16) seen.push(...types(sequencer.tick(now)));
  return seen;
}

describe('AlertSequencer', () => {
  it('starts an alert in the same call when nothing plays (drawn on the next frame)', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    expect(types(sequencer.upsert(sampleAlert({ id: 'a' }), 0))).toEqual(['start:a']);
  });

  it('never overlaps: the next alert starts only after the current one ended', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    sequencer.upsert(sampleAlert({ id: 'a' }), 0);
    expect(sequencer.upsert(sampleAlert({ id: 'b' }), 10)).toEqual([]);
    const seen = run(sequencer, 16, 20_000);
    expect(seen.slice(0, 2)).toEqual(['end:a', 'start:b']);
    expect(seen).toContain('end:b');
  });

  it('plays waiting alerts highest tier first, then oldest first', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    sequencer.upsert(sampleAlert({ id: 'playing' }), 0);
    sequencer.upsert(sampleAlert({ id: 'small-1', coins: 1 }), 1);
    sequencer.upsert(sampleAlert({ id: 'big', coins: 5000 }), 2);
    sequencer.upsert(sampleAlert({ id: 'small-2', coins: 1 }), 3);
    const starts = run(sequencer, 16, 60_000).filter((event) => event.startsWith('start'));
    expect(starts).toEqual(['start:big', 'start:small-1', 'start:small-2']);
  });

  it('keeps an unsettled streak on screen, raising its count, and ends it after it settles', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1, maxStreakHoldMs: 60_000 });
    sequencer.upsert(sampleAlert({ id: 's', count: 1, settled: false }), 0);
    for (let count = 2; count <= 99; count += 1) {
      const events = sequencer.upsert(sampleAlert({ id: 's', count, settled: false }), count * 100);
      expect(events).toEqual([{ type: 'update', alert: expect.objectContaining({ count }) }]);
    }
    // Far past the tier's normal hold, the unsettled streak is still up.
    expect(run(sequencer, 9_900, 20_000)).toEqual([]);
    expect(sequencer.current?.count).toBe(99);
    sequencer.upsert(sampleAlert({ id: 's', count: 99, settled: true }), 20_000);
    expect(run(sequencer, 20_016, 30_000)).toEqual(['end:s']);
  });

  it('never rolls a streak counter back on a late lower frame', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    sequencer.upsert(sampleAlert({ id: 's', count: 5, settled: false }), 0);
    sequencer.upsert(sampleAlert({ id: 's', count: 3, settled: false }), 10);
    expect(sequencer.current?.count).toBe(5);
  });

  it('filters alerts below minTier', () => {
    const sequencer = new AlertSequencer({ minTier: 3, speed: 1 });
    expect(sequencer.upsert(sampleAlert({ id: 'rose', coins: 1 }), 0)).toEqual([]);
    expect(types(sequencer.upsert(sampleAlert({ id: 'lion', coins: 29_999 }), 0))).toEqual([
      'start:lion',
    ]);
    expect(sequencer.stats.filtered).toBe(1);
  });

  it('does not replay an alert that already played (reconnect snapshot)', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 100 });
    sequencer.upsert(sampleAlert({ id: 'a' }), 0);
    run(sequencer, 16, 1_000);
    expect(sequencer.current).toBeNull();
    const events = sequencer.applyState(
      { paused: false, storm: false, queue: [sampleAlert({ id: 'a' })] },
      2_000,
      true,
    );
    expect(events).toEqual([]);
  });

  it('adopts the queue from a snapshot only, not from state updates', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    const state = { paused: false, storm: true, queue: [sampleAlert({ id: 'old' })] };
    expect(sequencer.applyState(state, 0, false)).toEqual([]);
    expect(sequencer.storm).toBe(true);
    expect(types(sequencer.applyState(state, 0, true))).toEqual(['start:old']);
  });

  it('holds new alerts while paused and resumes after', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    sequencer.applyState({ paused: true, storm: false, queue: [] }, 0, false);
    expect(sequencer.upsert(sampleAlert({ id: 'a' }), 0)).toEqual([]);
    expect(
      types(sequencer.applyState({ paused: false, storm: false, queue: [] }, 5, false)),
    ).toEqual(['start:a']);
  });

  it('skips the playing alert through its outro, and drops a waiting one', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1 });
    sequencer.upsert(sampleAlert({ id: 'a' }), 0);
    sequencer.upsert(sampleAlert({ id: 'b' }), 0);
    sequencer.upsert(sampleAlert({ id: 'c' }), 0);
    sequencer.skip('b', 10);
    sequencer.skip('a', 20);
    expect(sequencer.phase(20)?.phase).toBe('out');
    expect(run(sequencer, 20 + TIER_STYLES[1].outroMs, 20 + TIER_STYLES[1].outroMs)).toEqual([
      'end:a',
      'start:c',
    ]);
  });

  it('caps the waiting list so a flood cannot grow it', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1, maxWaiting: 10 });
    for (let i = 0; i < 100; i += 1) sequencer.upsert(sampleAlert({ id: `g${i}` }), i);
    expect(sequencer.waitingCount).toBe(10);
    expect(sequencer.stats.dropped).toBe(89);
  });

  it('scales timings with speed so tests can run thousands of alerts', () => {
    const sequencer = new AlertSequencer({ minTier: 1, speed: 1000 });
    for (let i = 0; i < 50; i += 1) sequencer.upsert(sampleAlert({ id: `g${i}` }), 0);
    run(sequencer, 16, 16 * 120);
    expect(sequencer.stats.ended).toBe(50);
  });
});
