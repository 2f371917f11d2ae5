/**
 * Where TikTok's other kinds go in the live room: emotes to chat, subscriptions and Super Fans to
 * alerts, TikTok's removals out of chat and Q&A, the streamer's TikTok goal to the goals, joins
 * and stated room counters to the metrics, badges to the leaderboard, and all of it to the report.
 */
import { describe, expect, it } from 'vitest';
import { asOwner, script, T0, viewer } from '../../tests/support/engine-events';
import type { LiveEvent } from '../events/live-event';
import type { AlertView, ChatLine } from '../protocol/channel-data';
import type { ChannelUpdate } from '../protocol/channels';
import { createLiveRoom } from './live-room';

const room = () => createLiveRoom({ streamId: 's', startedAt: T0 });
const lines = (r: ReturnType<typeof room>) =>
  r.snapshot(['chat']).chat?.lines.map((line) => line.id) ?? [];
const upserts = (updates: ChannelUpdate[]) =>
  updates.filter((u) => u.type === 'alert.upsert').map((u) => u.data as AlertView);
const fan = viewer('fan', {
  roles: { moderator: true, subscriber: true, follower: true, topGifterRank: 1, gifterLevel: 22 },
});

describe('live room: emotes', () => {
  it('puts an emote sent on its own in chat as a line of pictures, counted apart', () => {
    const r = room();
    const s = script();
    const event = s.emote(fan, 'e1', 'e2');
    const line = r.applyEvent(event).find((u) => u.type === 'chat.line')?.data as ChatLine;
    expect(line).toMatchObject({ id: event.id, text: '', user: { moderator: true } });
    expect(line.emotes.map((e) => [e.id, e.at])).toEqual([
      ['e1', null],
      ['e2', null],
    ]);
    const muted = viewer('muted');
    r.applyCommand(
      { type: 'moderation.muteViewer', userId: muted.id, handle: 'muted' },
      asOwner(T0),
    );
    r.applyEvent(s.emote(muted, 'e3'));
    expect(lines(r)).toEqual([event.id]);
    const report = r.report();
    expect(report.emotes).toBe(2);
    expect(report.chatMessages).toBe(0);
  });
});

describe('live room: subscriptions and Super Fans', () => {
  it('alerts a subscription and, a tier higher, a new Super Fan; the report counts both', () => {
    const r = room();
    const s = script();
    const sub = { ...s.subscribe(viewer('sub')), months: 3 } as LiveEvent;
    const superFan = { ...s.subscribe(viewer('big')), plan: 'superFan' } as LiveEvent;
    const [subAlert] = upserts(r.applyEvent(sub));
    const [fanAlert] = upserts(r.applyEvent(superFan));
    expect(subAlert).toMatchObject({ kind: 'subscribe', plan: 'subscription', months: 3, tier: 3 });
    expect(fanAlert).toMatchObject({ kind: 'subscribe', plan: 'superFan', tier: 4 });
    expect(r.report()).toMatchObject({ subscriptions: 1, superFans: 1, coins: 0 });
    expect(r.snapshot(['metrics']).metrics?.audience).toMatchObject({
      subscriptions: 1,
      superFans: 1,
    });
  });
});

describe('live room: messages TikTok removed', () => {
  it('takes them off chat by id and by user, for good, and dismisses the questions they asked', () => {
    const r = room();
    const s = script();
    const troll = viewer('troll');
    const kept = s.chat(viewer('kind'), 'hello all');
    const bad = s.chat(viewer('rude'), 'Q: why is this stream so bad?');
    const trollA = s.chat(troll, 'spam one');
    const trollB = s.emote(troll, 'e9');
    const tiktokQuestion = s.question(troll, 'What camera is that?');
    for (const event of [kept, bad, trollA, trollB, tiktokQuestion]) r.applyEvent(event);
    expect(r.snapshot(['qna']).qna?.questions).toHaveLength(2);

    const byId = r.applyEvent(s.imDelete([bad.id]));
    expect(byId.find((u) => u.type === 'chat.remove')?.data).toEqual({
      ids: [bad.id],
      by: 'tiktok',
      userIds: [],
    });
    const byUser = r.applyEvent(s.imDelete([], [troll.id]));
    expect(byUser.find((u) => u.type === 'chat.remove')?.data).toEqual({
      ids: [trollA.id, trollB.id],
      by: 'tiktok',
      userIds: [troll.id],
    });
    expect(lines(r)).toEqual([kept.id]);

    // The chat question is dismissed by TikTok's hand; TikTok's own Q&A question stays.
    const questions = r.snapshot(['qna']).qna?.questions ?? [];
    const fromChat = questions.find((q) => q.origin === 'chat');
    expect(fromChat).toMatchObject({ status: 'dismissed' });
    expect(fromChat?.history?.at(-1)).toMatchObject({ status: 'dismissed', by: 'tiktok' });
    expect(questions.find((q) => q.origin === 'tiktok')?.status).toBe('pending');

    // They were sent: the metrics still count them.
    expect(r.report().chatMessages).toBe(3);

    // A removal can overtake its line (two sources): the line, arriving later, stays off the
    // overlays, after a restore from a snapshot too.
    const early = s.chat(viewer('rude'), 'said before the removal came');
    // The update names it although no overlay shows it: panels may list it (hidden lines).
    const ahead = r.applyEvent(s.imDelete([early.id]));
    expect(ahead.find((u) => u.type === 'chat.remove')?.data).toMatchObject({ ids: [early.id] });
    const restored = createLiveRoom({ streamId: 's', startedAt: T0, state: r.exportState() });
    expect(restored.applyEvent(early).filter((u) => u.channel === 'chat')).toEqual([]);
    expect(lines(restored)).toEqual([kept.id]);
  });
});

describe("live room: the streamer's TikTok goal", () => {
  it('shows TikTok goals with their progress and target, never adding coins', () => {
    const r = room();
    const s = script();
    r.applyCommand(
      { type: 'goals.set', kind: 'coins', target: 100, countFrom: 'now' },
      asOwner(T0),
    );
    const ana = viewer('ana');
    r.applyEvent(s.goalUpdate('g7', 40, 100, { user: ana, count: 5, score: 5 }));
    const goals = () => r.snapshot(['goals']).goals?.goals ?? [];
    expect(goals()).toEqual([
      expect.objectContaining({ kind: 'coins', current: 0 }),
      expect.objectContaining({
        id: 'tiktok:g7:g7-t1',
        kind: 'tiktok',
        label: 'Roses for the new mic',
        unit: 'Rose',
        current: 40,
        target: 100,
        reachedAt: null,
      }),
    ]);
    const reached = s.goalUpdate('g7', 100, 100);
    r.applyEvent(reached);
    expect(goals()[1]).toMatchObject({ current: 100, reachedAt: reached.at });
    expect(r.report().coins).toBe(0);

    // Two targets: a bar each. Unpinned: gone until TikTok sends it again.
    const two = s.goalUpdate('g8', 1, 10);
    if (two.kind !== 'goalUpdate') throw new Error('not a goal update');
    const donut = {
      id: 'g8-t2',
      gift: { name: 'Donut', coins: 30, imageUrl: null },
      progress: 2,
      target: 5,
    };
    r.applyEvent({ ...two, targets: [...two.targets, donut] });
    expect(goals().map((g) => g.label)).toContain('Roses for the new mic · Donut');
    r.applyEvent({ ...s.goalUpdate('g8', 1, 10), reason: 'unpinned' } as LiveEvent);
    expect(goals().some((g) => g.id.startsWith('tiktok:g8'))).toBe(false);

    // Removed in Limelight: later updates of that goal stay out.
    r.applyCommand({ type: 'goals.remove', goalId: 'tiktok:g7:g7-t1' }, asOwner(T0));
    r.applyEvent(s.goalUpdate('g7', 120, 200));
    expect(goals().map((g) => g.kind)).toEqual(['coins']);
  });
});

describe('live room: joins and stated room counters', () => {
  it('counts joins of every kind and takes member counts as viewer samples', () => {
    const r = room();
    const s = script();
    const join = (via: 'member' | 'entrance' | 'superFan', memberCount: number | null) =>
      ({ ...s.join(viewer(`j-${via}`)), via, memberCount }) as LiveEvent;
    r.applyEvent(s.viewers(50));
    r.applyEvent(join('member', 80));
    r.applyEvent(join('entrance', null));
    r.applyEvent(join('superFan', 64));
    r.applyEvent(s.anonymousJoin());
    const metrics = r.snapshot(['metrics']).metrics;
    expect(metrics?.audience.joins).toBe(4);
    expect(metrics?.audience.joinsByVia).toEqual({
      member: 1,
      entrance: 1,
      superFan: 1,
      anonymous: 1,
    });
    expect(metrics).toMatchObject({ viewers: 64, peakViewers: 80 });
    expect(r.report()).toMatchObject({ joins: 4, peakViewers: 80 });
  });

  it("keeps TikTok's stated counters as samples: shares by the larger, followers apart", () => {
    const r = room();
    const s = script();
    r.applyCommand(
      { type: 'goals.set', kind: 'shares', target: 50, countFrom: 'now' },
      asOwner(T0),
    );
    const share = (handle: string, shareCount: number | null) =>
      ({ ...s.share(viewer(handle)), shareCount }) as LiveEvent;
    const follow = (handle: string, followerCount: number | null) =>
      ({ ...s.follow(viewer(handle)), followerCount }) as LiveEvent;
    // The first stated count holds shares from before we listened: the report takes it, the
    // goal (counting from now) does not.
    r.applyEvent(share('a', 40));
    r.applyEvent(share('b', 41));
    // TikTok counted three more shares it sent no message for.
    r.applyEvent(share('c', 45));
    r.applyEvent(share('d', null));
    r.applyEvent(follow('f1', 1200));
    r.applyEvent(follow('f2', 1199));
    r.applyEvent({ ...s.viewers(30), totalViewers: 900 } as LiveEvent);
    r.applyEvent({ ...s.viewers(31), totalViewers: 850 } as LiveEvent);

    const report = r.report();
    expect(report.shares).toBe(45);
    expect(r.snapshot(['goals']).goals?.goals[0]?.current).toBe(7);
    expect(report.followers).toBe(2);
    expect(report.followerCount).toBe(1199);
    expect(report.totalViewers).toBe(900);
  });

  it("takes TikTok's top viewers with their coins into the metrics and report, not the coins", () => {
    const r = room();
    const s = script();
    const top = [
      { user: viewer('whale'), coins: 30_000, rank: 1 },
      { user: viewer('minnow'), coins: 5, rank: 2 },
    ];
    r.applyEvent({ ...s.viewers(40), topViewers: top } as LiveEvent);
    // A later count without a list keeps the last list.
    r.applyEvent(s.viewers(41));
    expect(r.snapshot(['metrics']).metrics?.audience.topViewers).toEqual([
      {
        id: 'u-whale',
        handle: 'whale',
        nickname: 'Whale',
        avatarUrl: null,
        coins: 30_000,
        rank: 1,
      },
      { id: 'u-minnow', handle: 'minnow', nickname: 'Minnow', avatarUrl: null, coins: 5, rank: 2 },
    ]);
    const report = r.report();
    expect(report.topViewers.map((v) => [v.handle, v.coins])).toEqual([
      ['whale', 30_000],
      ['minnow', 5],
    ]);
    expect(report.coins).toBe(0);
    expect(report.topGifters).toEqual([]);
  });
});

describe('live room: badges on the leaderboard', () => {
  it('gives each gifter the badges of their latest message; others are not kept', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.gift(fan, { type: 2, coins: 50, name: 'Cap' }));
    r.applyEvent(s.chat(viewer('lurker'), 'hi'));
    const row = () => r.snapshot(['leaderboard']).leaderboard?.top[0];
    expect(row()).toMatchObject({
      handle: 'fan',
      coins: 50,
      moderator: true,
      subscriber: true,
      topGifterRank: 1,
      gifterLevel: 22,
    });
    // A chat line with new badges updates the board's.
    r.applyEvent(s.chat(viewer('fan', { roles: { ...fan.roles, moderator: false } }), 'gg'));
    expect(row()).toMatchObject({ moderator: false, subscriber: true });
    const state = r.exportState() as { roles: Record<string, unknown> };
    expect(Object.keys(state.roles)).toEqual([fan.id]);
  });
});
