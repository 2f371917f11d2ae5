/**
 * Every reason a line of a stream file is skipped, each said with its line number: a reader
 * (`npm run report`, `--replay`) never drops a line without saying why.
 */
import { describe, expect, it } from 'vitest';
import { loadRecordingLines } from './recording';

const AT = 1_766_000_000_000;
const user = { idStr: '7000000000000000001', displayId: 'sam', nickname: 'Sam' };
const common = (msgId: string) => ({ msgId, createTime: String(AT) });
const raw = (event: string, data: unknown) => JSON.stringify({ event, data, at: AT });
/** A good first line, so the file is known as a raw recording before the case under test. */
const GOOD = raw('chat', { common: common('1'), user, content: 'hi' });

const RAW_CASES: Array<[string, string, string]> = [
  ['a line cut off mid-write', '{"event": "chat", "data": {', 'not JSON'],
  ['a JSON array', '[1, 2]', 'not a JSON object'],
  ['no event name', JSON.stringify({ data: {}, at: AT }), 'event: expected an event name'],
  ['no time', JSON.stringify({ event: 'chat', data: {} }), 'at: expected epoch milliseconds'],
  ['an event no mapping knows', raw('hourlyRank', {}), 'unknown event'],
  ['a payload that is not an object', raw('chat', 'hello'), 'chat: payload is not an object'],
  [
    'a chat without its user',
    raw('chat', { common: common('2'), content: 'x' }),
    'chat: user: missing',
  ],
  [
    'a flattened chat without a user id',
    raw('chat', { msgId: '3', comment: 'x', nickname: 'Sam' }),
    'chat: userId: missing (neither a user nor a flattened userId)',
  ],
  [
    'an id that lost its digits as a number',
    raw('chat', { common: { msgId: 2 ** 60 }, user, content: 'x' }),
    'chat: common.msgId: a numeric id beyond 2^53 lost its precision; ids must be strings',
  ],
  [
    'a gift the catalog does not know and that names no price',
    raw('gift', { common: common('4'), user, giftId: '999999', gift: { type: 1 } }),
    'gift: gift.diamondCount: missing and gift 999999 is not in the catalog',
  ],
  [
    'viewer text the event model refuses',
    raw('chat', { common: common('5'), user, content: 'bad \uD800 text' }),
    'chat: maps to an invalid event (text: contains a lone surrogate)',
  ],
  ['a member message that is not a join', raw('member', { user, action: 3 }), 'member action 3'],
  [
    'a social message that is no follow, share or repost',
    raw('social', { common: common('6'), user, action: '2' }),
    'social action 2 (not a follow, share or repost)',
  ],
  [
    'a banner that is no entrance or Super Fan notice',
    raw('barrage', { common: common('7'), msgType: 8, user }),
    'barrage type 8 (not an entrance or Super Fan notice)',
  ],
  [
    'an anonymous-member message that is not a join',
    raw('unauthorizedMember', { common: common('8'), action: 2, nickName: 'Viewer' }),
    'unauthorizedMember action 2',
  ],
  [
    'a battle invitation (no battle yet)',
    raw('linkMicBattle', { common: common('9'), battleId: '73', action: 1 }),
    'linkMicBattle action invite',
  ],
  [
    'a battle that names no side',
    raw('linkMicBattle', { common: common('10'), battleId: '73', action: 4 }),
    'linkMicBattle without sides',
  ],
  [
    'a score message without scores',
    raw('linkMicArmies', { common: common('11'), battleId: '73', armies: {} }),
    'linkMicArmies without scores',
  ],
  [
    'a goal message without its goal',
    raw('goalUpdate', { common: common('12'), pinInfo: { pin: true } }),
    'goalUpdate without a goal',
  ],
  [
    'a removal that names nothing',
    raw('imDelete', { common: common('13'), deleteMsgIds: [], deleteUserIds: [] }),
    'imDelete: deleteMsgIds: names no message and no user',
  ],
  [
    'an emote without a usable picture',
    raw('emote', { common: common('14'), user, emoteList: [{ emoteId: 'e1' }] }),
    'emote: emoteList: no emote with an id and an http(s) image',
  ],
  [
    'a chest without its details',
    raw('envelope', { common: common('15') }),
    'envelope: envelopeInfo: missing',
  ],
];

describe('skipped lines of a raw recording', () => {
  it.each(RAW_CASES)('%s', async (_case, line, reason) => {
    const { summary, events } = await loadRecordingLines([GOOD, '', line]);
    expect(events).toHaveLength(1);
    expect(summary.skipped.byReason).toEqual([{ reason, count: 1, lines: [3] }]);
  });

  it('says a replayed message id is a duplicate, with its line', async () => {
    const { summary, duplicates } = await loadRecordingLines([GOOD, GOOD, GOOD]);
    expect(duplicates).toEqual([
      { line: 2, id: '1' },
      { line: 3, id: '1' },
    ]);
    expect(summary).toMatchObject({ events: 1, duplicates: { count: 2, lines: [2, 3] } });
  });
});

describe('skipped lines of a journal', () => {
  const start = JSON.stringify({
    seq: 0,
    at: AT,
    type: 'streamStart',
    streamId: 's',
    startedAt: AT,
  });
  it.each([
    [
      'an unknown line type',
      JSON.stringify({ seq: 1, at: AT, type: 'mystery' }),
      'type: unknown journal line type',
    ],
    [
      'an event the event model refuses',
      JSON.stringify({ seq: 1, at: AT, type: 'event', event: { kind: 'viewers' } }),
      /^event: /,
    ],
  ])('%s', async (_case, line, reason) => {
    const { summary } = await loadRecordingLines([start, line]);
    expect(summary.journalRecords).toBe(1);
    expect(summary.skipped.byReason).toEqual([
      { reason: expect.stringMatching(reason), count: 1, lines: [2] },
    ]);
  });
});
