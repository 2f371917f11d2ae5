import { describe, expect, it } from 'vitest';
import { DrawnUpdates } from './drawn-updates';

describe('DrawnUpdates', () => {
  it('names, for each applied batch, the first frame drawn after it; batches applied together share it', () => {
    const log = new DrawnUpdates();
    log.drawn(40);
    expect(log.firstFrameMs).toBe(40);
    log.applied(7);
    log.applied(9);
    log.drawn(56);
    log.drawn(72);
    log.applied(12);
    log.drawn(88);
    expect(log.after(0)).toEqual([
      { seq: 9, drawnAt: performance.timeOrigin + 56 },
      { seq: 12, drawnAt: performance.timeOrigin + 88 },
    ]);
    expect(log.after(9).map((e) => e.seq)).toEqual([12]);
    expect(log.firstFrameMs).toBe(40);
  });

  it('keeps the newest 4,096 batches', () => {
    const log = new DrawnUpdates();
    for (let seq = 1; seq <= 5000; seq++) {
      log.applied(seq);
      log.drawn(seq);
    }
    const kept = log.after(0);
    expect(kept).toHaveLength(4096);
    expect(kept[0]?.seq).toBe(905);
  });
});
