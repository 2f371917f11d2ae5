import { describe, expect, it } from 'vitest';
import { script, streakFrames, T0, viewer } from '../../tests/support/engine-events';
import { createLiveRoom } from './live-room';

const REPORT_KEYS = [
  'coins',
  'diamonds',
  'estimatedPayoutUsd',
  'revenueModel',
  'gifts',
  'giftsByName',
  'topGifters',
  'followers',
  'shares',
  'likes',
  'peakViewers',
  'averageViewers',
  'chatMessages',
  'uniqueChatters',
  'questions',
  'engagementRate',
  'durationSeconds',
  'polls',
  'sponsorSegments',
];

describe('live room: ledger, metrics, leaderboard, earnings', () => {
  it('counts a streak once, at its end, and reports every key', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    const ana = viewer('ana');
    room.applyEvent(s.viewers(100));
    s.wait(1000);
    const frames = streakFrames(s, ana, { name: 'Rose', coins: 1, count: 12 });
    const firstUpdates = room.applyEvent(frames[0]!);
    expect(firstUpdates.find((u) => u.channel === 'earnings')?.data).toMatchObject({
      committedCoins: 0,
      provisionalCoins: 1,
    });
    for (const frame of frames.slice(1)) room.applyEvent(frame);
    room.applyEvent(s.chat(ana, 'hello'));
    s.wait(60_000);
    room.applyEvent(s.viewers(300));
    room.applyEvent(s.streamEnd());

    const report = room.report();
    for (const key of REPORT_KEYS) expect(report).toHaveProperty(key);
    expect(report.coins).toBe(12);
    expect(report.gifts).toBe(1);
    expect(report.giftsByName).toEqual({ Rose: { units: 12, coins: 12 } });
    expect(report.topGifters).toEqual([{ handle: 'ana', nickname: 'Ana', coins: 12 }]);
    expect(report.peakViewers).toBe(300);
    expect(report.averageViewers).toBe(100);
    expect(report.chatMessages).toBe(1);
    expect(report.uniqueChatters).toBe(1);
    expect(report.engagementRate).toBe(0.01);
    expect(report.durationSeconds).toBe(61);
    expect(report.endedAt).toBe(s.now);
    expect(room.snapshot(['leaderboard']).leaderboard?.top[0]).toMatchObject({ handle: 'ana' });
  });

  it('commits an unended streak after the quiet period on advance', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    room.applyEvent(s.gift(viewer('bo'), { coins: 5, count: 3, end: false }));
    expect(room.report().coins).toBe(0);
    const updates = room.advance(s.wait(60_000));
    expect(updates.map((u) => u.type)).toContain('earnings.state');
    expect(room.report().coins).toBe(15);
  });

  it('settles streaks whose end never came where the quiet period ends, once', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    expect(room.settleOpenStreaks()).toEqual({ updates: [], committed: 0, at: T0 });
    room.applyEvent(s.gift(viewer('bo'), { coins: 5, count: 2, end: false }));
    s.wait(4_000);
    room.applyEvent(s.gift(viewer('cy'), { coins: 1, count: 3, end: false, groupId: 'g2' }));
    room.applyEvent(s.chat(viewer('cy'), 'still here'));
    const settled = room.settleOpenStreaks();
    expect(settled).toMatchObject({ committed: 2, at: s.now + 15_000 });
    expect(settled.updates.map((u) => u.type)).toContain('earnings.state');
    expect(room.report().coins).toBe(13);
    expect(room.settleOpenStreaks()).toMatchObject({ committed: 0, updates: [] });
  });

  it('commits a streak gone quiet when a later event passes its quiet period, timer or not', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    room.applyEvent(s.gift(viewer('bo'), { coins: 5, count: 2, end: false }));
    s.wait(14_999);
    room.applyEvent(s.chat(viewer('cy'), 'not yet'));
    expect(room.report().coins).toBe(0);
    s.wait(1);
    const updates = room.applyEvent(s.chat(viewer('cy'), 'fifteen seconds on'));
    expect(room.report().coins).toBe(10);
    expect(updates.find((u) => u.channel === 'earnings')?.data).toMatchObject({
      committedCoins: 10,
      provisionalCoins: 0,
    });
    // Nothing is left for the end of the input.
    expect(room.settleOpenStreaks().committed).toBe(0);
  });

  it('takes room likes from the sampled total, never summing deltas', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    room.applyEvent(s.like(viewer('a'), 15, 100));
    room.applyEvent(s.like(viewer('b'), 15, 90));
    room.applyEvent(s.like(null, 15, 130));
    expect(room.report().likes).toBe(130);
  });
});

describe('live room: the kinds no engine reads yet', () => {
  it('takes emotes, removals, battles, goal updates, intros and anonymous joins; adds no coins', () => {
    const room = createLiveRoom({ streamId: 's1', startedAt: T0 });
    const s = script();
    const host = viewer('host');
    const rival = viewer('rival');
    const ana = viewer('ana');
    const events = [
      s.liveIntro(host, 'welcome <b>in</b>'),
      s.anonymousJoin(),
      s.emote(ana, 'e1', 'e2'),
      s.battle('b1', 'start', [
        [host, null],
        [rival, null],
      ]),
      s.battle('b1', 'scores', [
        [host, 5_000],
        [rival, 300],
      ]),
      s.goalUpdate('goal-1', 40, 100, { user: ana, count: 40, score: 40 }),
      s.imDelete(['m999'], [ana.id]),
      s.battle(
        'b1',
        'end',
        [
          [host, 9_000],
          [rival, 300],
        ],
        host,
      ),
    ];
    for (const event of events) room.applyEvent(event);
    room.advance(s.wait(60_000));
    const report = room.report();
    // Battle scores and goal contributions restate gifts: never coins.
    expect(report).toMatchObject({ coins: 0, gifts: 0, chatMessages: 0, treasureChests: 0 });
    // The room survives a snapshot and a restore with these events behind it.
    const restored = createLiveRoom({ streamId: 's1', startedAt: T0, state: room.exportState() });
    expect(restored.report()).toEqual(report);
  });
});
