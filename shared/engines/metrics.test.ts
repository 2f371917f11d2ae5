import { describe, expect, it } from 'vitest';
import { script, T0, viewer } from '../../tests/support/engine-events';
import { createLiveRoom } from './live-room';

describe('metrics', () => {
  it('weights average viewers by time and counts unique interacting viewers', () => {
    const r = createLiveRoom({ streamId: 's', startedAt: T0 });
    const s = script();
    r.applyEvent(s.viewers(100));
    s.wait(60_000);
    r.applyEvent(s.viewers(400));
    r.applyEvent(s.chat(viewer('a'), 'hi'));
    r.applyEvent(s.chat(viewer('a'), 'again'));
    r.applyEvent(s.like(viewer('b'), 5, 5));
    r.applyEvent(s.like(null, 5, 10));
    r.applyEvent(s.share(viewer('c')));
    r.applyEvent(s.gift(viewer('d'), { coins: 60, type: 2 }));
    r.applyEvent(s.join(viewer('lurker')));
    s.wait(180_000);
    const m = r.snapshot(['metrics']).metrics!;
    r.advance(s.now);
    const after = r.snapshot(['metrics']).metrics!;
    expect(m.viewers).toBe(400);
    expect(after).toMatchObject({
      peakViewers: 400,
      // 100 for one minute, 400 for three: 325.
      averageViewers: 325,
      chatMessages: 2,
      uniqueChatters: 1,
      likes: 10,
      shares: 1,
      durationSeconds: 240,
      coinsPerHour: 900,
      // a, b, c, d interacted; the lurker did not: 4 ÷ 325.
      engagementRate: 0.0123,
    });
    expect(after.perMinute.map((p) => [p.minute, p.viewers, p.chats, p.coins, p.likes])).toEqual([
      [0, 100, 0, 0, 0],
      [1, 400, 2, 60, 10],
      [2, 400, 0, 0, 0],
      [3, 400, 0, 0, 0],
      [4, 400, 0, 0, 0],
    ]);
  });

  it('sends metrics on advance only when the second changed', () => {
    const r = createLiveRoom({ streamId: 's', startedAt: T0 });
    expect(r.advance(T0 + 1000).map((u) => u.type)).toContain('metrics.state');
    expect(r.advance(T0 + 1500).map((u) => u.type)).not.toContain('metrics.state');
  });
});
