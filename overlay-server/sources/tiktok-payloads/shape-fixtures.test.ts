import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EventOfKind, LiveEvent, LiveEventKind } from '../../../shared/events/live-event';
import { loadRecording } from '../recording';
import { expectedTotals } from '../simulator/expected-totals';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../tests/fixtures/recordings/${name}`, import.meta.url));

const ofKind = <K extends LiveEventKind>(events: LiveEvent[], kind: K) =>
  events.filter((e): e is EventOfKind<K> => e.kind === kind);

/**
 * shape-nested-v2/v3.jsonl: one stream in both nested generations (where each payload comes
 * from: tests/fixtures/recordings/shape-nested-v2.jsonl.sources.md, and -v3): joins of every
 * kind, a removed chat line, an emote, follows and shares told by social action alone,
 * a Rose ×5, a battle with a Galaxy in it, the streamer's LIVE goal, a Super Fan, a chest, lines
 * Limelight skips, and a Rose streak whose end never arrives.
 */
describe('nested fixtures, 2.0–2.2 and 2.3+', () => {
  it.each(['shape-nested-v2.jsonl', 'shape-nested-v3.jsonl'])(
    '%s maps every line',
    async (name) => {
      const { events, summary } = await loadRecording(fixture(name));
      const generation = name.includes('v2') ? 'nested 2.0–2.2' : 'nested 2.3+';
      expect(summary.shapes).toEqual({ [generation]: name.includes('v2') ? 32 : 33 });
      expect(summary.duplicates).toEqual({ count: 1, lines: [23] });
      expect(summary.unknownEvents).toEqual({ hourlyRank: 2, rankUpdate: 1 });
      expect(expectedTotals(events)).toMatchObject({
        // Rose ×5, the Galaxy once (its replayed frame dropped), and the unended Rose ×3.
        coins: 1008,
        gifts: 3,
        giftsByName: { Rose: { units: 8, coins: 8 }, Galaxy: { units: 1, coins: 1000 } },
        joins: 3,
        followers: 1,
        shares: 2,
        likes: 1500,
        peakViewers: 800,
        chestCoins: 500,
      });

      const [viewers] = ofKind(events, 'viewers');
      expect(viewers).toMatchObject({
        count: 800,
        totalViewers: 2500,
        topViewers: [
          { user: { handle: 'ana.mod' }, coins: 300, rank: 1 },
          { user: { handle: 'bo_fan' }, coins: 120, rank: 2 },
        ],
      });
      expect(ofKind(events, 'join').map((j) => [j.via, j.user?.handle ?? j.displayName])).toEqual([
        ['member', 'ana.mod'],
        ['entrance', 'cy.whale'],
        ['anonymous', 'Viewer'],
      ]);
      expect(ofKind(events, 'join')[0]).toMatchObject({
        memberCount: 801,
        user: { roles: { moderator: true } },
      });
      const [, spam] = ofKind(events, 'chat');
      expect(ofKind(events, 'imDelete')).toMatchObject([{ messageIds: [spam?.id], userIds: [] }]);
      expect(ofKind(events, 'emote')[0]?.emotes).toEqual([
        {
          id: '7121025198379731714',
          imageUrl: 'https://p19-webcast.tiktokcdn.com/img/emote-wave.png',
        },
      ]);
      expect(ofKind(events, 'follow')).toMatchObject([
        { user: { handle: 'ana.mod' }, followerCount: 10201 },
      ]);
      expect(ofKind(events, 'share').map((s) => [s.user.handle, s.via, s.shareCount])).toEqual([
        ['bo_fan', 'share', 12],
        ['cy.whale', 'repost', 13],
      ]);
      expect(ofKind(events, 'liveIntro')).toMatchObject([
        { host: { handle: 'host.hana' }, text: 'Welcome! Battles at 9 <b>pm</b>' },
      ]);
      expect(ofKind(events, 'subscribe').at(-1)).toMatchObject({
        plan: 'superFan',
        user: { handle: 'dee.superfan' },
      });
      expect(ofKind(events, 'goalUpdate')).toMatchObject([
        {
          goalId: '7400000000000000001',
          description: 'New mic 🎤',
          reason: 'progress',
          targets: [{ gift: { name: 'Rose', coins: 1 }, progress: 5, target: 100 }],
          contribution: {
            user: { id: '7001000000000000001', handle: 'ana.mod' },
            count: 5,
            score: 5,
          },
          contributors: [{ user: { handle: 'ana.mod' }, score: 5 }],
        },
      ]);
    },
  );

  it.each(['shape-nested-v2.jsonl', 'shape-nested-v3.jsonl'])(
    '%s: a battle opens, scores and ends with its winner; scores are never coins',
    async (name) => {
      const { events } = await loadRecording(fixture(name));
      const battles = ofKind(events, 'battle');
      const side = (b: (typeof battles)[number]) =>
        b.sides.map((s) => [s.host?.handle ?? s.hostId, s.score, s.result]);
      expect(battles.map((b) => [b.battleId, b.phase, b.winnerHostId])).toEqual([
        ['7300000000000000001', 'start', null],
        ['7300000000000000001', 'scores', null],
        ['7300000000000000001', 'scores', null],
        ['7300000000000000001', 'end', '7001000000000000010'],
      ]);
      expect(side(battles[0]!)).toEqual([
        ['host.hana', null, null],
        ['rival.rio', null, null],
      ]);
      expect(side(battles[2]!)).toEqual([
        ['7001000000000000010', 2200, null],
        ['7001000000000000011', 900, null],
      ]);
      expect(side(battles[3]!)).toEqual([
        ['host.hana', 2200, 'win'],
        ['rival.rio', 900, 'lose'],
      ]);
      expect(battles[0]?.endsAt).toBe(battles[0]!.at + 500 + 300_000);
    },
  );

  it('2.3+ also carries the subscription of subNotify', async () => {
    const { events } = await loadRecording(fixture('shape-nested-v3.jsonl'));
    expect(ofKind(events, 'subscribe')[0]).toMatchObject({
      plan: 'subscription',
      months: 3,
      user: { handle: 'cy.whale' },
    });
  });
});

/**
 * shape-flat.jsonl: connector 1.x's published data structures (its README), then the 2.x
 * `legacy` export's flattening of 2.3+ payloads (where each line comes from:
 * tests/fixtures/recordings/shape-flat.jsonl.sources.md).
 */
describe('the flattened fixture, 1.x and the 2.x legacy export', () => {
  it('maps every line, the follow the connector emits twice once', async () => {
    const { events, summary } = await loadRecording(fixture('shape-flat.jsonl'));
    expect(summary).toMatchObject({
      read: 22,
      events: 21,
      duplicates: { count: 1, lines: [7] },
      skipped: { count: 0 },
      shapes: { 'flattened (1.x / legacy)': 22 },
    });
    expect(expectedTotals(events)).toMatchObject({
      coins: 28,
      gifts: 2,
      giftsByName: { 'Nevalyashka doll': { units: 1, coins: 25 }, Rose: { units: 3, coins: 3 } },
      followers: 2,
      shares: 1,
      likes: 21349,
      peakViewers: 630,
      chatMessages: 2,
      questions: 2,
      subscribers: 1,
      chestCoins: 120,
    });
  });

  it('reads users, roles, top viewers, emotes, battles and chests from the top level', async () => {
    const { events } = await loadRecording(fixture('shape-flat.jsonl'));
    const [join] = ofKind(events, 'join');
    expect(join).toMatchObject({
      id: '7137750885996120859',
      at: 1661887134195,
      user: {
        id: '6813181309701719620',
        handle: 'zerodytester',
        nickname: 'Zerody Tester',
        avatarUrl: 'https://p16-sign-va.tiktokcdn.com/tos-useast2a-avt...webp',
        // The sample's badges name a moderator (its isModerator says false): either is read.
        roles: { moderator: true },
      },
    });
    expect(ofKind(events, 'gift')[0]).toMatchObject({
      gift: { id: 5953, name: 'Nevalyashka doll', coins: 25, type: 1 },
      repeatCount: 1,
      repeatEnd: true,
      groupId: '1661887131074',
      toUser: null,
    });
    // 2.3+ legacy gifts keep no name or price: the catalog has the Rose.
    expect(ofKind(events, 'gift').at(-1)).toMatchObject({
      gift: { id: 5655, name: 'Rose', coins: 1, type: 1 },
      repeatCount: 3,
      repeatEnd: true,
    });
    const [viewers] = ofKind(events, 'viewers');
    expect(viewers?.count).toBe(630);
    expect(viewers?.topViewers.map((v) => [v.user.handle, v.coins, v.rank])).toEqual([
      ['linmjh', 0, 1],
      ['xuanthainguyen0', 0, 2],
      ['dyip0c3sbo2t', 0, 3],
      ['uservay64gw9d5', 0, 4],
      ['hungtran0293', 0, 5],
    ]);
    expect(ofKind(events, 'emote')[0]).toMatchObject({
      user: { roles: { subscriber: true } },
      emotes: [{ id: '7121025198379731714' }],
    });
    expect(ofKind(events, 'chest').map((c) => [c.coins, c.slots, c.box])).toEqual([
      [20, 20, 'treasure'],
      [100, 5, 'superFan'],
    ]);
    const battles = ofKind(events, 'battle');
    expect(battles.map((b) => [b.battleId, b.phase])).toEqual([
      ['hosts:262781145296064512-6901252963970515973', 'start'],
      ['hosts:6722878711857579013-6842213780475085829', 'scores'],
    ]);
    expect(battles[1]?.sides.map((s) => [s.hostId, s.score])).toEqual([
      ['6842213780475085829', 0],
      ['6722878711857579013', 33],
    ]);
    expect(ofKind(events, 'subscribe')).toMatchObject([{ plan: 'subscription', months: 1 }]);
    expect(ofKind(events, 'liveIntro')[0]?.text).toBe('welcome to my broadcast!');
    // The legacy user: `isModerator`, `gifterLevel`, a picture in userDetails, follower by role.
    expect(ofKind(events, 'chat').at(-1)).toMatchObject({
      user: {
        handle: 'leo.legacy',
        avatarUrl: 'https://p16-sign-va.tiktokcdn.com/avatar/leo.webp',
        roles: { moderator: true, follower: true, gifterLevel: 14 },
      },
      emotes: [{ id: '7121025198379731714', at: 6 }],
    });
    // A 2.3+ legacy follow is only a `social` with the display key at the top.
    expect(ofKind(events, 'follow').at(-1)).toMatchObject({
      id: '9600000000000000002',
      followerCount: 5000,
    });
  });
});
