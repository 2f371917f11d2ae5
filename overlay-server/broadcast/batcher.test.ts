import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChannelUpdate } from '../../shared/protocol/channels';
import { createUpdateBatcher } from './batcher';

const state = (n: number): ChannelUpdate => ({
  channel: 'metrics',
  type: 'metrics.state',
  data: { n },
});
const line = (id: string): ChannelUpdate => ({ channel: 'chat', type: 'chat.line', data: { id } });
const alert = (id: string, count: number): ChannelUpdate => ({
  channel: 'alerts',
  type: 'alert.upsert',
  data: { id, count },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('update batcher', () => {
  it('sends at once when quiet, and spaces sends by their cost under load', () => {
    vi.useFakeTimers();
    const sent: ChannelUpdate[][] = [];
    // Each send "costs" this much of the batcher's clock.
    let sendCost = 0.1;
    let spent = 0;
    const batcher = createUpdateBatcher({
      windowMs: 16,
      loadPerSecond: 1_000,
      spaceAboveMs: 0.5,
      sendCostShare: 0.1,
      now: () => Date.now() + spent,
      send: (u) => {
        sent.push(u);
        spent += sendCost;
      },
    });
    batcher.push([line('a'), line('b')]);
    expect(sent).toEqual([[line('a'), line('b')]]);
    // Far above 1,000 updates/s but cheap to send: every turn's push goes out at once.
    for (let turn = 0; turn < 20; turn++) {
      batcher.push(Array.from({ length: 10 }, (_, i) => line(`c${turn}-${i}`)));
    }
    expect(sent).toHaveLength(21);
    expect(vi.getTimerCount()).toBe(0);
    // Costly sends (many overlays): once the smoothed cost passes 0.5 ms, a send waits until
    // sending took at most 10% of the time: a 2 ms send is followed by an ~18 ms gap, capped at 16.
    sendCost = 2;
    const burst = (name: string) => {
      for (let i = 0; i < 50; i++) batcher.push([line(`${name}${i}`)]);
    };
    for (let round = 0; round < 10; round++) {
      burst(`e${round}-`);
      vi.advanceTimersByTime(16);
    }
    burst('f');
    vi.advanceTimersToNextTimer(); // sends f, the clock stops right there
    const before = sent.length;
    expect(sent.at(-1)?.[0]).toEqual(line('f0'));
    burst('g');
    vi.advanceTimersByTime(10);
    expect(sent).toHaveLength(before);
    vi.advanceTimersByTime(6);
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)).toHaveLength(50);
    // Once the load is gone, updates go out at once again.
    vi.advanceTimersByTime(500);
    batcher.push([line('d')]);
    expect(sent.at(-1)).toEqual([line('d')]);
    batcher.stop();
  });

  it('keeps only the last state of a channel and the last frame of an alert in a batch', () => {
    vi.useFakeTimers();
    const sent: ChannelUpdate[][] = [];
    const batcher = createUpdateBatcher({ send: (u) => sent.push(u) });
    batcher.push([
      state(1),
      alert('x', 1),
      line('a'),
      state(2),
      alert('x', 2),
      alert('y', 1),
      state(3),
    ]);
    batcher.flushNow();
    expect(sent).toEqual([[line('a'), alert('x', 2), alert('y', 1), state(3)]]);
    expect(batcher.pending).toBe(0);
    batcher.stop();
  });
});
