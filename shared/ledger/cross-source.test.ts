import { describe, expect, it } from 'vitest';
import { giftFrame as f, GALAXY, pageFrame as p, ROSE, T0 } from '../../tests/support/gift-frames';
import type { GiftEvent } from '../events/gift';
import { normalizeHandle, sameGift } from './cross-source';
import { createGiftLedger } from './gift-ledger';

interface Case {
  name: string;
  frames: GiftEvent[];
  /** Stream time the test ends the stream at (commits whatever is still open). */
  endAt?: number;
  committedCoins: number;
  completedGifts: number;
  /** Outcome of each frame: `status` or `duplicate:reason`. */
  results?: string[];
}

const cases: Case[] = [
  {
    name: 'connector + page report of one ×3 streak counts once',
    frames: [
      f({ id: 'c1', count: 1, at: T0 }),
      p({ id: 'p1', count: 1, at: T0 + 200 }),
      f({ id: 'c2', count: 2, at: T0 + 400 }),
      p({ id: 'p2', count: 2, at: T0 + 600 }),
      f({ id: 'c3', count: 3, at: T0 + 800 }),
      f({ id: 'c4', count: 3, end: true, at: T0 + 900 }),
      p({ id: 'p3', count: 3, at: T0 + 1_000 }),
      p({ id: 'p4', count: 3, end: true, at: T0 + 4_000 }),
    ],
    results: [
      'provisional',
      'duplicate:crossSource',
      'provisional',
      'duplicate:crossSource',
      'provisional',
      'committed',
      'duplicate:crossSource',
      'duplicate:crossSource',
    ],
    committedCoins: 3,
    completedGifts: 1,
  },
  {
    name: 'the page ahead of the connector: counts take the max, a later end adds the difference',
    frames: [
      p({ id: 'p1', count: 2, at: T0 }),
      f({ id: 'c1', count: 1, at: T0 + 500 }),
      p({ id: 'p2', count: 4, end: true, at: T0 + 3_000 }),
      f({ id: 'c2', count: 5, end: true, at: T0 + 3_500 }),
    ],
    results: ['provisional', 'duplicate:crossSource', 'committed', 'committed'],
    committedCoins: 5,
    completedGifts: 1,
  },
  {
    name: 'a non-streak gift reported by both sources counts once',
    frames: [
      f({ id: 'c1', gift: GALAXY, group: '' }),
      p({ id: 'p1', gift: GALAXY, at: T0 + 2_000 }),
    ],
    results: ['committed', 'duplicate:crossSource'],
    committedCoins: 1_000,
    completedGifts: 1,
  },
  {
    name: 'the page guessing a non-streak gift streaks: the connector frame still commits it',
    frames: [
      p({ id: 'p1', gift: { ...GALAXY, type: 1 }, count: 1 }),
      f({ id: 'c1', gift: GALAXY, group: '', at: T0 + 300 }),
      p({ id: 'p2', gift: { ...GALAXY, type: 1 }, count: 1, end: true, at: T0 + 3_000 }),
    ],
    results: ['provisional', 'committed', 'duplicate:crossSource'],
    committedCoins: 1_000,
    completedGifts: 1,
  },
  {
    name: 'the page knowing the gift only by its image hash still matches',
    frames: [
      f({
        id: 'c1',
        count: 2,
        end: true,
        gift: {
          ...ROSE,
          imageUrl: 'https://p16.tiktokcdn.com/img/eba3a9bb85c33e017f3648eaf88d7189~tplv.png',
        },
      }),
      p({
        id: 'p1',
        count: 2,
        gift: {
          ...ROSE,
          name: 'Unknown gift',
          imageUrl: 'https://p19.tiktokcdn.com/img/EBA3A9BB85C33E017F3648EAF88D7189~tplv.webp',
        },
      }),
    ],
    results: ['committed', 'duplicate:crossSource'],
    committedCoins: 2,
    completedGifts: 1,
  },
  {
    name: 'handles match ignoring case and a leading @',
    frames: [
      f({ id: 'c1', user: 'Alice', count: 2, end: true }),
      p({ id: 'p1', user: '@alice', count: 2 }),
    ],
    results: ['committed', 'duplicate:crossSource'],
    committedCoins: 2,
    completedGifts: 1,
  },
  {
    name: 'reports further apart than the window are two streaks',
    frames: [f({ id: 'c1', count: 2, end: true }), p({ id: 'p1', count: 2, at: T0 + 10_001 })],
    endAt: T0 + 30_000,
    committedCoins: 4,
    completedGifts: 2,
  },
  {
    name: 'different senders, gifts or receivers never merge',
    frames: [
      f({ id: 'c1', count: 2, end: true }),
      p({ id: 'p1', user: 'bob', count: 2, end: true }),
      p({ id: 'p2', gift: GALAXY, count: 1 }),
      p({ id: 'p3', count: 2, end: true, toUser: 'guest' }),
    ],
    committedCoins: 2 + 2 + 1_000 + 2,
    completedGifts: 4,
  },
  {
    name: 'two concurrent connector streaks each pair with their own page streak',
    frames: [
      f({ id: 'c1', count: 3, end: true, group: 'g1', at: T0 }),
      p({ id: 'p1', count: 3, at: T0 + 500 }),
      f({ id: 'c2', count: 1, group: 'g2', at: T0 + 1_000 }),
      // The page's count drops: a new streak on the page, the connector's second one.
      p({ id: 'p2', count: 1, at: T0 + 1_200 }),
      p({ id: 'p3', count: 2, at: T0 + 1_400 }),
      f({ id: 'c3', count: 2, end: true, group: 'g2', at: T0 + 1_500 }),
    ],
    results: [
      'committed',
      'duplicate:crossSource',
      'provisional',
      'duplicate:crossSource',
      'provisional',
      'committed',
    ],
    committedCoins: 5,
    completedGifts: 2,
  },
  {
    name: 'page-only streaks: a smaller count starts a new streak',
    frames: [
      p({ id: 'p1', count: 1 }),
      p({ id: 'p2', count: 2 }),
      p({ id: 'p3', count: 3 }),
      p({ id: 'p4', count: 1, at: T0 + 2_000 }),
      p({ id: 'p5', count: 2, at: T0 + 2_200 }),
    ],
    endAt: T0 + 20_000,
    committedCoins: 5,
    completedGifts: 2,
  },
];

describe('cross-source dedupe', () => {
  it.each(cases)('$name', (c) => {
    const ledger = createGiftLedger();
    const results = c.frames.map((frame) => {
      const outcome = ledger.apply(frame);
      return outcome.status === 'duplicate' ? `duplicate:${outcome.reason}` : outcome.status;
    });
    if (c.results) expect(results).toEqual(c.results);
    ledger.closeAll(c.endAt ?? T0 + 60_000);
    expect(ledger.totals().committedCoins).toBe(c.committedCoins);
    expect(ledger.totals().completedGifts).toBe(c.completedGifts);
  });

  it('lists both sources on a merged streak and keeps the first source key', () => {
    const ledger = createGiftLedger();
    ledger.apply(f({ id: 'c1', count: 1 }));
    const outcome = ledger.apply(p({ id: 'p1', count: 2, at: T0 + 100 }));
    expect(outcome.status === 'provisional' && outcome.streak).toMatchObject({
      key: 'uid-alice|5655|g1',
      count: 2,
      sources: ['connector', 'page'],
    });
    expect(ledger.topGifters()).toEqual([]);
  });
});

describe('gift identity', () => {
  it.each([
    [{ ...ROSE }, { ...ROSE, id: null }, true],
    [{ ...ROSE }, { ...ROSE, id: 1 }, false],
    [{ ...ROSE, id: null }, { ...ROSE, id: null, name: 'rose ' }, true],
    [{ ...ROSE, id: null }, { ...GALAXY, id: null }, false],
  ])('sameGift(%o, %o) is %s', (a, b, expected) => {
    expect(sameGift(a, b)).toBe(expected);
  });

  it('normalizes handles', () => {
    expect(normalizeHandle(' @Alice ')).toBe('alice');
  });
});
