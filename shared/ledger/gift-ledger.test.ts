import { describe, expect, it } from 'vitest';
import { FINGER_HEART, giftFrame as f, GALAXY, T0 } from '../../tests/support/gift-frames';
import type { GiftEvent } from '../events/gift';
import { createGiftLedger } from './gift-ledger';
import type { CommitReason, GiftOutcome } from './types';

/** One step of a scenario: a frame, or stream time passing, or the stream ending. */
type Step = GiftEvent | { advance: number } | { closeAll: number };

interface Case {
  name: string;
  steps: Step[];
  /** Per step: the frame's outcome (`status` or `duplicate:reason`), or the reasons committed. */
  results: Array<string | CommitReason[]>;
  committedCoins: number;
  provisionalCoins?: number;
  completedGifts: number;
}

function describeOutcome(outcome: GiftOutcome): string {
  return outcome.status === 'duplicate' ? `duplicate:${outcome.reason}` : outcome.status;
}

function run(steps: Step[]) {
  const ledger = createGiftLedger();
  const results = steps.map((step) => {
    if ('advance' in step) return ledger.advance(step.advance).map((c) => c.reason);
    if ('closeAll' in step) return ledger.closeAll(step.closeAll).map((c) => c.reason);
    return describeOutcome(ledger.apply(step));
  });
  return { ledger, results };
}

const cases: Case[] = [
  {
    name: 'a single tap of a streakable gift arrives twice and counts once',
    steps: [f({ id: 'm1', count: 1 }), f({ id: 'm2', count: 1, end: true })],
    results: ['provisional', 'committed'],
    committedCoins: 1,
    completedGifts: 1,
  },
  {
    name: 'a ×3 streak commits 3 units once, at its end frame',
    steps: [
      f({ id: 'm1', count: 1 }),
      f({ id: 'm2', count: 2, at: T0 + 300 }),
      f({ id: 'm3', count: 3, at: T0 + 600 }),
      f({ id: 'm4', count: 3, end: true, at: T0 + 900 }),
    ],
    results: ['provisional', 'provisional', 'provisional', 'committed'],
    committedCoins: 3,
    completedGifts: 1,
  },
  {
    name: 'provisional frames count nothing',
    steps: [f({ id: 'm1', count: 1 }), f({ id: 'm2', count: 7, gift: FINGER_HEART, group: 'g2' })],
    results: ['provisional', 'provisional'],
    committedCoins: 0,
    provisionalCoins: 1 + 35,
    completedGifts: 0,
  },
  {
    name: 'two concurrent streaks of one viewer (group ids, then gifts) stay independent',
    steps: [
      f({ id: 'm1', count: 1, group: 'g1' }),
      f({ id: 'm2', count: 1, group: 'g2' }),
      f({ id: 'm3', count: 1, gift: FINGER_HEART, group: 'g3' }),
      f({ id: 'm4', count: 2, group: 'g1' }),
      f({ id: 'm5', count: 2, end: true, group: 'g2' }),
      f({ id: 'm6', count: 4, end: true, group: 'g1' }),
      f({ id: 'm7', count: 1, end: true, gift: FINGER_HEART, group: 'g3' }),
    ],
    results: [
      'provisional',
      'provisional',
      'provisional',
      'provisional',
      'committed',
      'committed',
      'committed',
    ],
    committedCoins: 2 + 4 + 5,
    completedGifts: 3,
  },
  {
    name: "a frame sent twice counts once (message ids are the relay's check)",
    steps: [f({ id: 'm1', count: 2, end: true }), f({ id: 'm1', count: 2, end: true })],
    results: ['committed', 'duplicate:staleFrame'],
    committedCoins: 2,
    completedGifts: 1,
  },
  {
    name: 'a streak that never ends commits its highest count after the quiet period',
    steps: [
      f({ id: 'm1', count: 1 }),
      f({ id: 'm2', count: 4, at: T0 + 1_000 }),
      { advance: T0 + 1_000 + 14_999 },
      { advance: T0 + 1_000 + 15_000 },
      { advance: T0 + 60_000 },
    ],
    results: ['provisional', 'provisional', [], ['quiet'], []],
    committedCoins: 4,
    provisionalCoins: 0,
    completedGifts: 1,
  },
  {
    name: 'a streak that never ends commits at stream end',
    steps: [f({ id: 'm1', count: 1 }), f({ id: 'm2', count: 2 }), { closeAll: T0 + 5_000 }],
    results: ['provisional', 'provisional', ['streamEnd']],
    committedCoins: 2,
    completedGifts: 1,
  },
  {
    name: 'an end after the quiet period adds only the difference',
    steps: [
      f({ id: 'm1', count: 3 }),
      { advance: T0 + 15_000 },
      f({ id: 'm2', count: 5, end: true, at: T0 + 20_000 }),
    ],
    results: ['provisional', ['quiet'], 'committed'],
    committedCoins: 5,
    completedGifts: 1,
  },
  {
    name: 'an end with a lower count after the quiet period adds nothing',
    steps: [
      f({ id: 'm1', count: 5 }),
      { advance: T0 + 15_000 },
      f({ id: 'm2', count: 3, end: true, at: T0 + 20_000 }),
      f({ id: 'm3', count: 4, at: T0 + 21_000 }),
    ],
    results: ['provisional', ['quiet'], 'duplicate:staleFrame', 'duplicate:staleFrame'],
    committedCoins: 5,
    completedGifts: 1,
  },
  {
    name: 'an end with the same count after the quiet period adds nothing',
    steps: [
      f({ id: 'm1', count: 5 }),
      { advance: T0 + 15_000 },
      f({ id: 'm2', count: 5, end: true }),
    ],
    results: ['provisional', ['quiet'], 'duplicate:staleFrame'],
    committedCoins: 5,
    completedGifts: 1,
  },
  {
    name: 'an end frame commits the highest count seen even if it carries less',
    steps: [f({ id: 'm1', count: 6 }), f({ id: 'm2', count: 5, end: true })],
    results: ['provisional', 'committed'],
    committedCoins: 6,
    completedGifts: 1,
  },
  {
    name: 'frames after the end, or older than the count, are stale',
    steps: [
      f({ id: 'm1', count: 3 }),
      f({ id: 'm2', count: 2 }),
      f({ id: 'm3', count: 3, end: true }),
      f({ id: 'm4', count: 3 }),
    ],
    results: ['provisional', 'duplicate:staleFrame', 'committed', 'duplicate:staleFrame'],
    committedCoins: 3,
    completedGifts: 1,
  },
  {
    name: 'a gift that does not streak commits at once, each send counted',
    steps: [
      f({ id: 'm1', gift: GALAXY, group: '' }),
      f({ id: 'm2', gift: GALAXY, group: '' }),
      { advance: T0 + 60_000 },
    ],
    results: ['committed', 'committed', []],
    committedCoins: 2_000,
    completedGifts: 2,
  },
];

describe('gift ledger rules', () => {
  it.each(cases)('$name', (c) => {
    const { ledger, results } = run(c.steps);
    expect(results).toEqual(c.results);
    const totals = ledger.totals();
    expect(totals.committedCoins).toBe(c.committedCoins);
    expect(totals.completedGifts).toBe(c.completedGifts);
    if (c.provisionalCoins !== undefined) expect(totals.provisionalCoins).toBe(c.provisionalCoins);
  });
});

describe('gift ledger commits', () => {
  it('reports the units, coins and reason of each commit', () => {
    const ledger = createGiftLedger();
    ledger.apply(f({ id: 'm1', count: 3, gift: FINGER_HEART }));
    const [quiet] = ledger.advance(T0 + 15_000);
    expect(quiet).toMatchObject({ units: 3, coins: 15, totalUnits: 3, reason: 'quiet' });
    const late = ledger.apply(f({ id: 'm2', count: 5, end: true, gift: FINGER_HEART }));
    expect(late.status === 'committed' && late.commit).toMatchObject({
      units: 2,
      coins: 10,
      totalUnits: 5,
      reason: 'lateEnd',
      at: T0,
    });
    expect(ledger.totals().giftsByName).toEqual({ 'Finger Heart': { units: 5, coins: 25 } });
  });

  it('honours a custom quiet period', () => {
    const ledger = createGiftLedger({ quietPeriodMs: 2_000 });
    ledger.apply(f({ id: 'm1', count: 2 }));
    expect(ledger.advance(T0 + 1_999)).toEqual([]);
    expect(ledger.advance(T0 + 2_000).map((c) => c.units)).toEqual([2]);
  });

  it('commits only the streaks whose quiet period has passed when asked before an event', () => {
    const ledger = createGiftLedger();
    ledger.apply(f({ id: 'm1', count: 2, user: 'ana' }));
    ledger.apply(f({ id: 'm2', count: 3, user: 'bo', group: 'g2', at: T0 + 10_000 }));
    expect(ledger.commitQuiet(T0 + 14_999)).toEqual([]);
    expect(ledger.commitQuiet(T0 + 15_000).map((c) => [c.user.handle, c.units, c.reason])).toEqual([
      ['ana', 2, 'quiet'],
    ]);
    // A later frame moves bo's quiet period on: nothing is due where it first would have been.
    ledger.apply(f({ id: 'm3', count: 4, user: 'bo', group: 'g2', at: T0 + 20_000 }));
    expect(ledger.commitQuiet(T0 + 25_000)).toEqual([]);
    expect(ledger.commitQuiet(T0 + 35_000).map((c) => [c.user.handle, c.units])).toEqual([
      ['bo', 4],
    ]);
    expect(ledger.totals()).toMatchObject({ committedCoins: 6, provisionalCoins: 0 });
  });

  it('finds a streak gone quiet in a ledger continued from its saved state', () => {
    const first = createGiftLedger();
    first.apply(f({ id: 'm1', count: 2 }));
    const ledger = createGiftLedger({ state: first.exportState() });
    expect(ledger.commitQuiet(T0 + 15_000).map((c) => c.units)).toEqual([2]);
  });

  it('shows open streaks until they commit', () => {
    const ledger = createGiftLedger();
    ledger.apply(f({ id: 'm1', count: 2 }));
    ledger.apply(f({ id: 'm2', count: 1, gift: GALAXY, group: '' }));
    expect(ledger.openStreaks()).toMatchObject([
      { count: 2, committedCount: 0, coins: 2, ended: false, sources: ['connector'] },
    ]);
    ledger.apply(f({ id: 'm3', count: 2, end: true }));
    expect(ledger.openStreaks()).toEqual([]);
  });

  it('keeps gifts to a guest apart from the host', () => {
    const ledger = createGiftLedger();
    ledger.apply(f({ id: 'm1', count: 3, end: true }));
    const outcome = ledger.apply(f({ id: 'm2', gift: GALAXY, group: '', toUser: 'guest1' }));
    expect(outcome.status === 'committed' && outcome.commit.toUser?.handle).toBe('guest1');
    expect(ledger.totals()).toMatchObject({
      hostCoins: 3,
      guestCoins: 1_000,
      committedCoins: 1_003,
    });
  });

  it('ranks top gifters by committed coins with a stable tie order', () => {
    const ledger = createGiftLedger();
    ledger.apply(f({ id: 'm1', user: 'bob', count: 5, end: true }));
    ledger.apply(f({ id: 'm2', user: 'carol', count: 5, end: true }));
    ledger.apply(f({ id: 'm3', user: 'dave', gift: GALAXY, group: '' }));
    ledger.apply(f({ id: 'm4', user: 'erin', count: 99 })); // provisional: not ranked
    expect(ledger.topGifters().map((g) => [g.handle, g.coins])).toEqual([
      ['dave', 1_000],
      ['bob', 5],
      ['carol', 5],
    ]);
    expect(ledger.topGifters(1)).toEqual([
      { userId: 'uid-dave', handle: 'dave', nickname: 'DAVE', avatarUrl: null, coins: 1_000 },
    ]);
  });

  it('rejects a nonsensical option with a message naming it', () => {
    expect(() => createGiftLedger({ quietPeriodMs: -1 })).toThrow(/quietPeriodMs/);
  });
});
