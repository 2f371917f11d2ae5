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
  it('sends the first update at once when idle, then one batch per window under load', () => {
    vi.useFakeTimers();
    const sent: ChannelUpdate[][] = [];
    const batcher = createUpdateBatcher({ windowMs: 16, send: (u) => sent.push(u) });
    batcher.push([line('a')]);
    vi.advanceTimersToNextTimer(); // the setImmediate
    expect(sent).toEqual([[line('a')]]);
    for (let i = 0; i < 100; i++) batcher.push([line(`b${i}`)]);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toHaveLength(100);
    // A quiet window closes it: the next update goes out at once again.
    vi.advanceTimersByTime(16);
    batcher.push([line('c')]);
    vi.advanceTimersToNextTimer();
    expect(sent.at(-1)).toEqual([line('c')]);
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
