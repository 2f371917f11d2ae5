import { describe, expect, it } from 'vitest';
import { LIVE_EVENT_KINDS } from './live-event';
import { parseLiveEvent } from './parse';

const user = { id: '7000000000000000001', handle: 'sam.streams', nickname: 'Sam 🎮' };
const base = { id: 'msg-1', source: 'connector', at: 1_765_000_000_000 } as const;
const rose = { id: 5655, name: 'Rose', coins: 1, type: 1 };

/** One well-formed payload per kind: every happening the overlays and panels use. */
const GOOD: Record<string, unknown> = {
  chat: { ...base, kind: 'chat', user, text: 'hello <b>there</b>' },
  gift: {
    ...base,
    kind: 'gift',
    user,
    gift: rose,
    repeatCount: 3,
    repeatEnd: false,
    groupId: 'g1',
  },
  like: { ...base, kind: 'like', user, count: 15, roomTotal: 1_200 },
  join: { ...base, kind: 'join', user },
  follow: { ...base, kind: 'follow', user },
  share: { ...base, kind: 'share', user },
  subscribe: { ...base, kind: 'subscribe', user },
  viewers: { ...base, kind: 'viewers', count: 12 },
  question: { ...base, kind: 'question', user, text: 'What game is next?' },
  chest: { ...base, kind: 'chest', user, coins: 500, slots: 10 },
  streamStart: { ...base, kind: 'streamStart', host: 'host' },
  streamEnd: { ...base, kind: 'streamEnd' },
  emote: {
    ...base,
    kind: 'emote',
    user,
    emotes: [{ id: '7121025198379731714', imageUrl: 'https://p19-webcast.tiktokcdn.com/e.image' }],
  },
  imDelete: { ...base, kind: 'imDelete', messageIds: ['7137750790064065286'] },
  battle: {
    ...base,
    kind: 'battle',
    battleId: '7308855855552957189',
    phase: 'scores',
    sides: [
      { hostId: '6842213780475085829', score: 0 },
      { hostId: '6722878711857579013', host: user, score: 33 },
    ],
  },
  goalUpdate: {
    ...base,
    kind: 'goalUpdate',
    goalId: '7400000000000000001',
    targets: [{ id: 'sub-1', gift: { name: 'Rose', coins: 1 }, progress: 40, target: 100 }],
    contribution: { user, count: 5, score: 5 },
  },
  liveIntro: { ...base, kind: 'liveIntro', host: user, text: 'welcome to my broadcast!' },
};

describe('the event model', () => {
  it('has one schema per TikTok LIVE happening', () => {
    expect([...LIVE_EVENT_KINDS].sort()).toEqual(Object.keys(GOOD).sort());
  });

  it.each(Object.entries(GOOD))('accepts a well-formed %s', (_kind, payload) => {
    const parsed = parseLiveEvent(payload);
    expect(parsed.ok ? parsed.value : parsed.message).toMatchObject({ id: 'msg-1' });
  });

  it('fills defaults: roles, avatar, emotes, group and receiver', () => {
    const parsed = parseLiveEvent({
      ...base,
      kind: 'gift',
      user,
      gift: rose,
      repeatCount: 1,
      repeatEnd: true,
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value).toMatchObject({
      groupId: '',
      toUser: null,
      gift: { imageUrl: null },
      user: {
        avatarUrl: null,
        roles: {
          moderator: false,
          subscriber: false,
          follower: false,
          topGifterRank: null,
          gifterLevel: null,
        },
      },
    });
  });

  it('fills the defaults of the room counters, join, share, subscribe, chest and battle', () => {
    const parse = (payload: unknown) => {
      const parsed = parseLiveEvent(payload);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    expect(parse(GOOD.join)).toMatchObject({ via: 'member', displayName: null, memberCount: null });
    expect(parse(GOOD.share)).toMatchObject({ via: 'share', shareCount: null });
    expect(parse(GOOD.follow)).toMatchObject({ followerCount: null });
    expect(parse(GOOD.subscribe)).toMatchObject({ plan: 'subscription', months: null });
    expect(parse(GOOD.viewers)).toMatchObject({ totalViewers: null, topViewers: [] });
    expect(parse(GOOD.chest)).toMatchObject({ box: 'treasure' });
    expect(parse(GOOD.imDelete)).toMatchObject({ userIds: [] });
    expect(parse(GOOD.battle)).toMatchObject({
      winnerHostId: null,
      endsAt: null,
      sides: [
        { hostId: '6842213780475085829', host: null, score: 0, result: null },
        { host: { handle: 'sam.streams' }, score: 33, result: null },
      ],
    });
    expect(parse(GOOD.goalUpdate)).toMatchObject({
      description: '',
      reason: 'progress',
      contributors: [],
      targets: [{ gift: { imageUrl: null } }],
    });
  });

  it('takes an anonymous join without an account', () => {
    const parsed = parseLiveEvent({
      ...base,
      kind: 'join',
      user: null,
      via: 'anonymous',
      displayName: 'Viewer',
    });
    expect(parsed.ok ? parsed.value : parsed.message).toMatchObject({ user: null });
  });

  it('strips unknown keys, __proto__ included', () => {
    const payload = JSON.parse(
      '{"id":"m","source":"page","at":1,"kind":"join","extra":1,"__proto__":{"polluted":true},"user":{"id":"1","handle":"a","nickname":"b"}}',
    );
    const parsed = parseLiveEvent(payload);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(Object.keys(parsed.value)).not.toContain('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rejected payloads name the field and the problem', () => {
  const chat = GOOD.chat as Record<string, unknown>;
  const gift = GOOD.gift as Record<string, unknown>;
  it.each([
    ['not an object', 'hello', /expected object/],
    ['an unknown kind', { ...chat, kind: 'dance' }, /^kind: .*Expected 'chat' \| 'gift'/],
    ['a missing id', { ...chat, id: undefined }, /^id: .*expected string/],
    ['an unknown source', { ...chat, source: 'email' }, /^source: /],
    ['a negative time', { ...chat, at: -1 }, /^at: Too small/],
    ['a numeric user id', { ...chat, user: { ...user, id: 7 } }, /^user\.id: .*expected string/],
    [
      'a lone surrogate in a nickname',
      { ...chat, user: { ...user, nickname: 'x\uD800' } },
      /^user\.nickname: contains a lone surrogate/,
    ],
    [
      'a javascript: avatar',
      { ...chat, user: { ...user, avatarUrl: 'javascript:alert(1)' } },
      /^user\.avatarUrl: Invalid URL/,
    ],
    ['a huge chat text', { ...chat, text: 'x'.repeat(501) }, /^text: Too big/],
    ['a negative gift price', { ...gift, gift: { ...rose, coins: -1 } }, /^gift\.coins: Too small/],
    ['a zero repeat count', { ...gift, repeatCount: 0 }, /^repeatCount: Too small/],
    ['repeatEnd as a string', { ...gift, repeatEnd: 'yes' }, /^repeatEnd: .*expected boolean/],
    [
      'an imDelete that names nothing',
      { ...(GOOD.imDelete as object), messageIds: [], userIds: [] },
      /^messageIds: names no message and no user/,
    ],
    ['a battle without sides', { ...(GOOD.battle as object), sides: [] }, /^sides: Too small/],
    [
      'a negative battle score',
      { ...(GOOD.battle as object), sides: [{ hostId: '1', score: -5 }] },
      /^sides\.0\.score: Too small/,
    ],
    ['an unknown battle phase', { ...(GOOD.battle as object), phase: 'paused' }, /^phase: /],
    ['an emote event without emotes', { ...(GOOD.emote as object), emotes: [] }, /^emotes: /],
    [
      'a fractional viewer count',
      { ...(GOOD.viewers as object), count: 1.5 },
      /^count: .*expected int/,
    ],
  ])('%s', (_case, payload, message) => {
    const parsed = parseLiveEvent(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    const parsed = parseLiveEvent({ ...gift, repeatEnd: 'yes', gift: { ...rose, coins: -1 } });
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.path)).toEqual([
      'gift.coins',
      'repeatEnd',
    ]);
  });
});
