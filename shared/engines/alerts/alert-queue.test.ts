import { describe, expect, it } from 'vitest';
import {
  asModerator,
  script,
  streakFrames,
  T0,
  viewer,
} from '../../../tests/support/engine-events';
import type { AlertsState, AlertView } from '../../protocol/channel-data';
import type { ChannelUpdate } from '../../protocol/channels';
import { createLiveRoom } from '../live-room';
import { tierFor } from './alert-tiers';

const room = () => createLiveRoom({ streamId: 's', startedAt: T0 });
const alertsOf = (r: ReturnType<typeof room>) => r.snapshot(['alerts']).alerts as AlertsState;
const upserts = (updates: ChannelUpdate[]) =>
  updates.filter((u) => u.type === 'alert.upsert').map((u) => u.data as AlertView);

describe('alert queue', () => {
  it('splits coins into five tiers', () => {
    const t = [10, 100, 1000, 10_000];
    expect([1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 44_999].map((c) => tierFor(c, t))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('shows a streak on its first frame, upgrades it live and settles it at the commit', () => {
    const r = room();
    const s = script();
    const frames = streakFrames(s, viewer('ana'), { name: 'Rose', coins: 1, count: 15 });
    const first = upserts(r.applyEvent(frames[0]!));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ count: 1, coins: 1, tier: 1, settled: false });
    let last: AlertView | undefined;
    for (const frame of frames.slice(1)) last = upserts(r.applyEvent(frame)).at(-1);
    expect(last).toMatchObject({ id: first[0]!.id, count: 15, coins: 15, tier: 2, settled: true });
    expect(alertsOf(r).queue).toHaveLength(1);
  });

  it('plays higher tiers first and finishes each after its time', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.gift(viewer('a'), { name: 'Rose', coins: 1, type: 2 }));
    r.applyEvent(s.gift(viewer('b'), { name: 'Rose', coins: 1, type: 2 }));
    r.applyEvent(s.gift(viewer('c'), { name: 'Lion', coins: 29_999, type: 2 }));
    r.applyEvent(s.gift(viewer('d'), { name: 'Donut', coins: 30, type: 2 }));
    const q = alertsOf(r);
    // a plays (it was first and alone); the rest wait by tier.
    expect(q.queue.map((a) => a.user.handle)).toEqual(['a', 'c', 'd', 'b']);
    expect(q.playingId).toBe(q.queue[0]?.id);
    r.advance(s.wait(3000));
    expect(alertsOf(r).queue.map((a) => a.user.handle)).toEqual(['c', 'd', 'b']);
    r.advance(s.wait(10_000));
    r.advance(s.wait(4000));
    r.advance(s.wait(3000));
    expect(alertsOf(r).queue).toEqual([]);
  });

  it('merges a storm of 500 small gifts, stays bounded and keeps the totals exact', () => {
    const r = room();
    const s = script();
    let peak = 0;
    let allUpdates = 0;
    for (let i = 0; i < 500; i++) {
      const user = viewer(`fan${i % 120}`);
      const groupId = `g${i}`;
      const count = (i % 5) + 1;
      for (const frame of streakFrames(s, user, { name: 'Rose', coins: 1, count, groupId })) {
        allUpdates += r.applyEvent(frame).length;
      }
      s.wait(20);
      peak = Math.max(peak, alertsOf(r).queue.length);
    }
    const state = alertsOf(r);
    expect(state.storm).toBe(true);
    expect(peak).toBeLessThanOrEqual(25);
    const merged = state.queue.filter((a) => a.merged !== null);
    expect(merged.length).toBeGreaterThan(0);
    const shown = state.queue.reduce((n, a) => n + a.coins, 0);
    expect(shown).toBeLessThanOrEqual(1500);
    expect(r.report().coins).toBe(100 * (1 + 2 + 3 + 4 + 5));
    expect(r.report().gifts).toBe(500);
    expect(allUpdates).toBeGreaterThan(500);
    // Once the storm drains, storm mode turns off.
    for (let t = 0; t < 200 && alertsOf(r).queue.length > 0; t++) r.advance(s.wait(5000));
    expect(alertsOf(r)).toMatchObject({ storm: false, queue: [] });
  });

  it('never holds more than maxQueue alerts', () => {
    const r = room();
    const s = script();
    r.applyCommand(
      { type: 'alerts.configure', settings: { maxQueue: 10, stormThreshold: 500 } },
      asModerator(s.now),
    );
    for (let i = 0; i < 40; i++) r.applyEvent(s.gift(viewer(`v${i}`), { coins: 100 + i, type: 2 }));
    const q = alertsOf(r).queue;
    expect(q).toHaveLength(10);
    expect(r.report().coins).toBe(40 * 100 + (39 * 40) / 2);
  });

  it('pauses, skips, replays and tests from the panel', () => {
    const r = room();
    const s = script();
    const mod = () => asModerator(s.now);
    r.applyEvent(s.gift(viewer('a'), { name: 'Donut', coins: 30, type: 2 }));
    const id = alertsOf(r).queue[0]!.id;
    expect(r.applyCommand({ type: 'alerts.pause' }, mod()).ack.ok).toBe(true);
    expect(r.applyCommand({ type: 'alerts.pause' }, mod()).ack).toMatchObject({ code: 'CONFLICT' });
    r.advance(s.wait(60_000));
    expect(alertsOf(r).queue).toHaveLength(1);
    r.applyCommand({ type: 'alerts.resume' }, mod());
    const skipped = r.applyCommand({ type: 'alerts.skip' }, mod());
    expect(skipped.updates).toContainEqual({ channel: 'alerts', type: 'alert.skip', data: { id } });
    expect(alertsOf(r).queue).toEqual([]);
    const replay = r.applyCommand({ type: 'alerts.replay', alertId: id }, mod());
    expect(replay.ack).toMatchObject({ ok: true, data: { user: { handle: 'a' }, coins: 30 } });
    const test = r.applyCommand({ type: 'alerts.test', tier: 5 }, mod());
    expect(test.ack).toMatchObject({ ok: true, data: { kind: 'test', tier: 5 } });
    expect(upserts(test.updates)).toHaveLength(1);
    expect(r.applyCommand({ type: 'alerts.replay', alertId: 'nope' }, mod()).ack).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(r.report().coins).toBe(30);
  });

  it('alerts follows and subscriptions by default, shares only when switched on', () => {
    const r = room();
    const s = script();
    expect(upserts(r.applyEvent(s.follow(viewer('a'))))[0]).toMatchObject({ kind: 'follow' });
    expect(upserts(r.applyEvent(s.share(viewer('b'))))).toEqual([]);
    expect(upserts(r.applyEvent(s.subscribe(viewer('c'))))[0]).toMatchObject({
      kind: 'subscribe',
      tier: 3,
    });
    r.applyCommand(
      {
        type: 'alerts.configure',
        settings: { kinds: { follow: false, share: true, subscribe: true } },
      },
      asModerator(s.now),
    );
    expect(upserts(r.applyEvent(s.share(viewer('d'))))[0]).toMatchObject({ kind: 'share' });
    expect(upserts(r.applyEvent(s.follow(viewer('e'))))).toEqual([]);
  });
});
