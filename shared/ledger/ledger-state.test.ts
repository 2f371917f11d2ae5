import { describe, expect, it } from 'vitest';
import { giftFrame as f, GALAXY, pageFrame as p, T0 } from '../../tests/support/gift-frames';
import { createGiftLedger } from './gift-ledger';
import { parseLedgerState } from './ledger-state';

describe('ledger state', () => {
  it('round-trips through JSON mid-streak and continues where it stopped', () => {
    const before = createGiftLedger();
    before.apply(f({ id: 'm1', count: 1 }));
    before.apply(f({ id: 'm2', count: 2 }));
    before.apply(f({ id: 'g1', user: 'bob', gift: GALAXY, group: '' }));
    before.apply(p({ id: 'p1', count: 2, at: T0 + 100 }));
    const state = JSON.parse(JSON.stringify(before.exportState()));

    const after = createGiftLedger({ state });
    expect(after.exportState()).toEqual(before.exportState());
    expect(after.totals()).toEqual(before.totals());
    expect(after.openStreaks()).toEqual(before.openStreaks());
    // A frame from before the restart, sent again, does not count twice; the streak continues,
    // the page still matches it.
    expect(after.apply(f({ id: 'm2-again', count: 2 })).status).toBe('duplicate');
    expect(after.apply(p({ id: 'p2', count: 3, at: T0 + 200 })).status).toBe('provisional');
    // The connector's end commits the page-led ×3 once; nothing is left for the stream end.
    expect(after.apply(f({ id: 'm3', count: 3, end: true, at: T0 + 300 })).status).toBe(
      'committed',
    );
    expect(after.closeAll(T0 + 1_000)).toEqual([]);
    expect(after.totals()).toMatchObject({ committedCoins: 1_003, completedGifts: 2 });
  });

  it('restores a quiet-committed streak so a late end adds only the difference', () => {
    const before = createGiftLedger();
    before.apply(f({ id: 'm1', count: 3 }));
    before.advance(T0 + 15_000);
    const after = createGiftLedger({ state: JSON.parse(JSON.stringify(before.exportState())) });
    after.apply(f({ id: 'm2', count: 4, end: true, at: T0 + 16_000 }));
    expect(after.totals()).toMatchObject({ committedCoins: 4, completedGifts: 1 });
  });

  it('forgets settled streaks after the retention period, keeping the totals', () => {
    const ledger = createGiftLedger({ settledRetentionMs: 60_000 });
    ledger.apply(f({ id: 'm1', count: 3, end: true }));
    ledger.apply(f({ id: 'm2', count: 1, group: 'g2', at: T0 + 50_000 }));
    ledger.advance(T0 + 60_001);
    expect(ledger.exportState().streaks.map((s) => s.key)).toEqual(['uid-alice|5655|g2']);
    expect(ledger.totals()).toMatchObject({ committedCoins: 3, provisionalCoins: 1 });
  });

  it('reads a state written when the ledger kept its own message ids, and keeps none', () => {
    const before = createGiftLedger();
    before.apply(f({ id: 'm1', count: 2 }));
    const written = { ...before.exportState(), messageIds: ['m1'] };
    const after = createGiftLedger({ state: JSON.parse(JSON.stringify(written)) });
    expect(after.exportState()).toEqual(before.exportState());
    expect(after.exportState()).not.toHaveProperty('messageIds');
    expect(after.totals()).toEqual(before.totals());
  });

  it('refuses a state of another version', () => {
    const state = { ...createGiftLedger().exportState(), version: 99 };
    expect(() => createGiftLedger({ state })).toThrow(/invalid gift ledger state: version: /);
  });

  it('refuses a damaged state, naming the field', () => {
    const ledger = createGiftLedger();
    ledger.apply(f({ id: 'm1', count: 2 }));
    const state = JSON.parse(JSON.stringify(ledger.exportState()));
    state.streaks[0].count = -1;
    expect(() => createGiftLedger({ state })).toThrow(/streaks\.0\.count: /);
    expect(parseLedgerState({ version: 1 })).toMatchObject({ ok: false });
  });
});
