import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../shared/events/live-event';
import { loadRecording } from '../recording';
import { expectedTotals } from '../simulator/expected-totals';
import { createPayloadMapper, mapConnectorEvent, type PayloadMapping } from './index';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../tests/fixtures/recordings/${name}`, import.meta.url));

const mapped = (result: PayloadMapping): LiveEvent => {
  if (result.status !== 'mapped')
    throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
};

const common = (msgId: string) => ({ msgId, createTime: '1765000100000' });
const v3User = {
  id: '7000000000000000009',
  idStr: '7000000000000000009',
  displayId: 'gina',
  nickname: 'Gina',
};

describe('sample recordings, both payload generations', () => {
  it('give the same stream: 12 viewers, a chat, a Rose ×3, 15 likes, a follow, a question, the end', async () => {
    const v2 = await loadRecording(fixture('sample-recording-v2.jsonl'));
    const v3 = await loadRecording(fixture('sample-recording-v3.jsonl'));
    expect(v2.problems).toEqual([]);
    expect(v3.problems).toEqual([]);
    expect(v2.format).toBe('raw');

    const kinds = v2.events.map((e) => e.kind);
    expect(kinds).toEqual([
      'viewers',
      'chat',
      'gift',
      'gift',
      'gift',
      'gift',
      'like',
      'follow',
      'question',
      'streamEnd',
    ]);
    // Only the question id is generation-specific (2.0–2.2 payloads carry none here).
    const withoutQuestionId = (events: LiveEvent[]) =>
      events.map((e) => (e.kind === 'question' ? { ...e, questionId: null } : e));
    expect(withoutQuestionId(v3.events)).toEqual(withoutQuestionId(v2.events));

    for (const recording of [v2, v3]) {
      const totals = expectedTotals(recording.events);
      expect(totals).toMatchObject({
        coins: 3,
        gifts: 1,
        giftsByName: { Rose: { units: 3, coins: 3 } },
        likes: 15,
        peakViewers: 12,
        chatMessages: 1,
        followers: 1,
        questions: 1,
      });
    }
  });

  it('maps ids, times, users and the streak frames exactly', async () => {
    const { events } = await loadRecording(fixture('sample-recording-v3.jsonl'));
    const [viewers, chat, firstFrame, , , lastFrame, like, , question, end] = events;
    expect(viewers).toMatchObject({ kind: 'viewers', count: 12, id: '9100000000000000001' });
    expect(chat).toMatchObject({
      kind: 'chat',
      source: 'replay',
      at: 1765000001000,
      text: 'hello from the sample',
      user: {
        id: '7000000000000000001',
        handle: 'sam.streams',
        nickname: 'Sam',
        avatarUrl: 'https://p16-sign.tiktokcdn-us.com/avatar/sam.streams.webp',
      },
    });
    expect(firstFrame).toMatchObject({
      kind: 'gift',
      gift: { id: 5655, name: 'Rose', coins: 1, type: 1 },
      repeatCount: 1,
      repeatEnd: false,
      groupId: 'sample-1',
      toUser: null,
    });
    expect(lastFrame).toMatchObject({ repeatCount: 3, repeatEnd: true });
    expect(like).toMatchObject({ kind: 'like', count: 15, roomTotal: 15 });
    expect(question).toMatchObject({
      kind: 'question',
      text: 'What game is next?',
      questionId: 'q1',
    });
    // streamEnd has no common: its time is the recording's, its id derived from it.
    expect(end).toMatchObject({ kind: 'streamEnd', reason: 'ended', at: 1765000006200 });
    expect(end?.id).toMatch(/^streamEnd-1765000006200-/);
  });
});

describe('gifts', () => {
  const v3Gift = (extra: Record<string, unknown>) => ({
    common: common('9100000000000000101'),
    giftId: '5655',
    repeatCount: 1,
    repeatEnd: 0,
    groupId: 'g1',
    user: v3User,
    gift: { id: '5655', name: 'Rose', type: 1, diamondCount: 1 },
    ...extra,
  });

  it('names the guest a v3 gift went to, and not the host', () => {
    const toUser = { idStr: '7000000000000000042', displayId: 'guest.one', nickname: 'Guest <b>' };
    const event = mapped(mapConnectorEvent('gift', v3Gift({ toUser }), 0));
    expect(event).toMatchObject({
      toUser: { id: '7000000000000000042', handle: 'guest.one', nickname: 'Guest <b>' },
    });
    const toHost = mapConnectorEvent('gift', v3Gift({ toUser }), 0, {
      hostUserId: '7000000000000000042',
    });
    expect(mapped(toHost)).toMatchObject({ toUser: null });
    // Protobuf sends an empty user for "no receiver".
    const empty = mapConnectorEvent('gift', v3Gift({ toUser: { id: '0', nickname: '' } }), 0);
    expect(mapped(empty)).toMatchObject({ toUser: null });
  });

  it("keeps the event's own price and name; the catalog fills only what is missing", () => {
    const own = v3Gift({ gift: { id: '5655', name: 'Rose (event)', type: 1, diamondCount: 2 } });
    expect(mapped(mapConnectorEvent('gift', own, 0))).toMatchObject({
      gift: { name: 'Rose (event)', coins: 2 },
    });
    const bare = v3Gift({ giftId: '11046', gift: undefined });
    expect(mapped(mapConnectorEvent('gift', bare, 0))).toMatchObject({
      gift: { id: 11046, name: 'Galaxy', coins: 1000, type: 2 },
      repeatEnd: true,
    });
    const unknown = mapConnectorEvent('gift', v3Gift({ giftId: '999999', gift: { type: 1 } }), 0);
    expect(unknown.status).toBe('invalid');
    if (unknown.status === 'invalid') {
      expect(unknown.error.field).toBe('gift.diamondCount');
      expect(unknown.error.code).toBe('BAD_PAYLOAD');
    }
  });

  it('treats non-streak gifts as final on arrival', () => {
    const lion = v3Gift({ giftId: '6369', gift: { name: 'Lion', type: 2, diamondCount: 29999 } });
    expect(mapped(mapConnectorEvent('gift', lion, 0))).toMatchObject({
      gift: { type: 2, coins: 29999 },
      repeatEnd: true,
    });
  });
});

describe('user roles', () => {
  it('reads 2.0–2.2 badges, userIdentity and followInfo', () => {
    const user = {
      userId: '7000000000000000003',
      uniqueId: 'mod.person',
      nickname: 'Mod',
      followInfo: { followStatus: '1' },
      userHonor: { level: 7 },
      badges: [
        { badgeScene: 1 },
        {
          badgeScene: 6,
          image: { image: { url: ['https://p16.tiktokcdn.com/ranklist_top_gifter_2.png'] } },
        },
        { badgeScene: 8, logExtra: { level: '12' } },
      ],
    };
    const chat = {
      common: common('9100000000000000201'),
      user,
      comment: 'hi',
      userIdentity: { isSubscriberOfAnchor: true },
    };
    expect(mapped(mapConnectorEvent('chat', chat, 0))).toMatchObject({
      user: {
        handle: 'mod.person',
        roles: {
          moderator: true,
          subscriber: true,
          follower: true,
          topGifterRank: 2,
          gifterLevel: 12,
        },
      },
    });
  });

  it("keeps TikTok's pictures of the badges it reads, one per kind", () => {
    const image = (name: string) => `https://p19-webcast.tiktokcdn.com/webcast-va/${name}.png`;
    const user = {
      ...v3User,
      badgeList: [
        { sceneType: 1, image: { image: { urlList: [image('moderator')] } } },
        { sceneType: 4, combine: { icon: { urlList: [image('sub')] } } },
        { sceneType: 7, combine: { icon: { urlList: [image('new_sub')] } } },
        { sceneType: 6, image: { image: { urlList: [image('ranklist_top_gifter_1')] } } },
        { sceneType: 8, combine: { icon: { urlList: [image('grade_20')] } } },
        { sceneType: 10, image: { image: { urlList: [image('fans')] } } },
      ],
      payGrade: { level: 20 },
    };
    const chat = { common: common('9100000000000000203'), user, content: 'hi' };
    const event = mapped(mapConnectorEvent('chat', chat, 0));
    expect(event.kind === 'chat' && event.user.badgePictures).toEqual([
      { kind: 'moderator', imageUrl: image('moderator') },
      { kind: 'subscriber', imageUrl: image('sub') },
      { kind: 'topGifter', imageUrl: image('ranklist_top_gifter_1') },
      { kind: 'gifterLevel', imageUrl: image('grade_20') },
    ]);
    // A rank-list badge without a rank sets no role, so its picture is not kept either.
    const unranked = {
      ...chat,
      user: {
        ...v3User,
        badgeList: [{ sceneType: 6, image: { image: { urlList: [image('top_gifter')] } } }],
      },
    };
    const plain = mapped(mapConnectorEvent('chat', unranked, 0));
    expect(plain.kind === 'chat' && plain.user.badgePictures).toEqual([]);
  });

  it('reads 2.3+ badgeList and payGrade, and defaults to no roles', () => {
    const chat = (user: Record<string, unknown>) => ({
      common: common('9100000000000000202'),
      user,
      content: 'hi',
    });
    const subscriber = { ...v3User, badgeList: [{ sceneType: 4 }], payGrade: { level: 3 } };
    expect(mapped(mapConnectorEvent('chat', chat(subscriber), 0))).toMatchObject({
      user: { roles: { moderator: false, subscriber: true, follower: false, gifterLevel: 3 } },
    });
    expect(mapped(mapConnectorEvent('chat', chat(v3User), 0))).toMatchObject({
      user: {
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
});

describe('other events', () => {
  it('maps member, social, subNotify, envelope and a suspended stream', () => {
    const at = 1765000200000;
    expect(mapped(mapConnectorEvent('member', { user: v3User, action: 1 }, at))).toMatchObject({
      kind: 'join',
      at,
    });
    const social = { common: { displayText: { key: 'pm_mt_guidance_share' } }, user: v3User };
    expect(mapped(mapConnectorEvent('social', social, at))).toMatchObject({ kind: 'share' });
    expect(mapped(mapConnectorEvent('subNotify', { user: v3User }, at))).toMatchObject({
      kind: 'subscribe',
    });
    const envelope = {
      envelopeInfo: {
        sendUserId: '7000000000000000007',
        sendUserName: 'Chesty',
        diamondCount: 500,
        peopleCount: 20,
      },
    };
    expect(mapped(mapConnectorEvent('envelope', envelope, at))).toMatchObject({
      kind: 'chest',
      coins: 500,
      slots: 20,
      user: { nickname: 'Chesty' },
    });
    expect(mapped(mapConnectorEvent('streamEnd', { action: 4 }, at))).toMatchObject({
      kind: 'streamEnd',
      reason: 'banned',
    });
  });

  it('reads chat emotes of both generations and drops ones without an http(s) image', () => {
    const url = 'https://p16-webcast.tiktokcdn.com/emote/1.png';
    const v2 = {
      user: v3User,
      comment: 'hi [e]',
      emotes: [{ placeInComment: 3, emote: { emoteId: 'e1', image: { imageUrl: url } } }],
    };
    const v3 = {
      user: v3User,
      content: 'hi [e]',
      emotes: [
        { index: 3, emote: { emoteId: 'e1', image: { urlList: [url] } } },
        { index: 4, emote: { emoteId: 'e2', image: { urlList: ['javascript:alert(1)'] } } },
      ],
    };
    for (const payload of [v2, v3]) {
      expect(mapped(mapConnectorEvent('chat', payload, 0))).toMatchObject({
        emotes: [{ id: 'e1', imageUrl: url, at: 3 }],
      });
    }
  });

  it('places emotes by their insertion index; protobuf drops a 0, and a line may be emotes alone', () => {
    const url = (n: number) => `https://p16-webcast.tiktokcdn.com/emote/${n}.png`;
    const v3 = {
      user: v3User,
      content: '',
      emotes: [
        { emote: { emoteId: 'first', image: { urlList: [url(1)] } } },
        { index: 0, emote: { emoteId: 'second', image: { urlList: [url(2)] } } },
      ],
    };
    expect(mapped(mapConnectorEvent('chat', v3, 0))).toMatchObject({
      text: '',
      emotes: [
        { id: 'first', at: 0 },
        { id: 'second', at: 0 },
      ],
    });
    const v2 = {
      user: v3User,
      comment: 'gg',
      emotes: [{ placeInComment: 2, emote: { emoteId: 'e', image: { imageUrl: url(3) } } }],
    };
    expect(mapped(mapConnectorEvent('chat', v2, 0))).toMatchObject({
      text: 'gg',
      emotes: [{ id: 'e', imageUrl: url(3), at: 2 }],
    });
    expect(mapConnectorEvent('chat', { user: v3User, content: '', emotes: [] }, 0)).toMatchObject({
      status: 'invalid',
    });
  });

  it('reads the Super Fan events the connector derives from banners and chests', () => {
    const joined = {
      common: common('9100000000000000301'),
      msgType: 100,
      user: v3User,
      content: { key: 'ttlive_superFan_commentNotif_superFanJoined' },
    };
    // The same banner is a join whether it arrives as `barrage` or `superFanJoin`.
    for (const name of ['barrage', 'superFanJoin']) {
      expect(mapped(mapConnectorEvent(name, joined, 0))).toMatchObject({
        kind: 'join',
        via: 'superFan',
        user: { handle: 'gina' },
      });
    }
    const box = {
      common: common('9100000000000000302'),
      envelopeInfo: { sendUserId: '7000000000000000009', sendUserName: 'Gina', diamondCount: 90 },
    };
    expect(mapped(mapConnectorEvent('superFanBox', box, 0))).toMatchObject({
      kind: 'chest',
      coins: 90,
      box: 'superFan',
    });
    expect(mapped(mapConnectorEvent('envelope', box, 0))).toMatchObject({ box: 'treasure' });
  });

  it('tells follows and shares by display key first, then by social action', () => {
    const social = (key: string | null, action: string) => ({
      common: { ...common('9100000000000000303'), ...(key && { displayText: { key } }) },
      user: v3User,
      action,
    });
    const kindOf = (payload: unknown, name = 'social') => {
      const event = mapped(mapConnectorEvent(name, payload, 0));
      return event.kind === 'share' ? `share/${event.via}` : event.kind;
    };
    expect(kindOf(social('pm_main_follow_message_viewer_2', '3'))).toBe('follow');
    expect(kindOf(social('pm_mt_guidance_share', '1'))).toBe('share/share');
    expect(kindOf(social(null, '1'))).toBe('follow');
    expect(kindOf(social(null, '3'))).toBe('share/share');
    expect(kindOf(social(null, '4'))).toBe('share/repost');
    expect(kindOf(social('pm_mt_guidance_share', '4'), 'share')).toBe('share/repost');
    // 2.0–2.2 keep the key as `displayType`.
    const v2 = { common: { displayText: { displayType: 'pm_mt_guidance_share' } }, user: v3User };
    expect(kindOf(v2)).toBe('share/share');
  });

  it('skips unknown events with a counted reason instead of failing', () => {
    const mapper = createPayloadMapper();
    expect(mapper.map('hourlyRank', { anything: true }, 0)).toEqual({
      status: 'skipped',
      reason: 'unknown event hourlyRank',
    });
    mapper.map('hourlyRank', {}, 0);
    mapper.map('member', { user: v3User, action: 3 }, 0);
    mapper.map('__proto__', {}, 0);
    mapper.map('roomUser', { total: '40' }, 0);
    expect(mapper.stats()).toEqual({
      mapped: 1,
      invalid: 0,
      skipped: {
        'unknown event hourlyRank': 2,
        'member action 3': 1,
        'unknown event __proto__': 1,
      },
    });
  });

  it('rejects malformed payloads with an error naming the field', () => {
    const cases: Array<[string, unknown, string]> = [
      ['chat', { common: common('1'), content: 'no user' }, 'user'],
      ['chat', { common: common('1'), user: { nickname: 'x' }, content: 'hi' }, 'user.userId'],
      ['chat', { common: { msgId: 2 ** 60 }, user: v3User, content: 'hi' }, 'common.msgId'],
      ['like', { common: common('1'), count: -3 }, 'count'],
      ['roomUser', { common: common('1'), total: 'many' }, 'total'],
      ['questionNew', { common: common('1') }, 'data'],
      ['gift', 'not an object', ''],
    ];
    for (const [name, payload, field] of cases) {
      const result = mapConnectorEvent(name, payload, 0);
      expect(result.status, `${name} ${field}`).toBe('invalid');
      if (result.status === 'invalid') {
        expect(result.error.field).toBe(field);
        expect(result.error.message).toContain(`${name}: ${field}`);
      }
    }
  });

  it('rejects viewer text the event model refuses (lone surrogate)', () => {
    const result = mapConnectorEvent('chat', { user: v3User, content: 'bad \uD800 text' }, 0);
    expect(result.status).toBe('invalid');
    if (result.status === 'invalid') expect(result.error.message).toContain('lone surrogate');
  });
});
