/**
 * The ledger keeps provisional coins and the top-gifters order up to date as it goes (rather
 * than re-summing streaks and re-sorting viewers on each read). A seeded mix of streaks, late
 * ends, second sources, quiet commits and a restart checks both against a recount every step.
 */
import { describe, expect, it } from 'vitest';
import {
  FINGER_HEART,
  GALAXY,
  giftFrame,
  pageFrame,
  ROSE,
  T0,
} from '../../tests/support/gift-frames';
import { mulberry32 as seeded } from '../random/prng';
import { createGiftLedger, type GiftLedger } from './gift-ledger';

/** What the cached figures must equal: a recount from the exported state. */
function recount(ledger: GiftLedger) {
  const state = ledger.exportState();
  const provisional = state.streaks.reduce(
    (sum, s) => sum + Math.max(0, s.count - s.committedCount) * s.gift.coins,
    0,
  );
  // Array.prototype.sort is stable: equal coins keep first-gift order.
  const ranked = [...state.totals.gifters]
    .sort((a, b) => b.coins - a.coins)
    .map((g) => [g.user.handle, g.coins]);
  return { provisional, ranked };
}

function check(ledger: GiftLedger): void {
  const { provisional, ranked } = recount(ledger);
  expect(ledger.totals().provisionalCoins).toBe(provisional);
  expect(ledger.topGifters(1_000).map((g) => [g.handle, g.coins])).toEqual(ranked);
}

describe('incremental ledger totals', () => {
  it('match a recount after every frame, commit and restart', () => {
    const random = seeded(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const gifts = [ROSE, FINGER_HEART, GALAXY];
    const users = Array.from({ length: 25 }, (_, i) => `viewer${i}`);
    let ledger = createGiftLedger({ settledRetentionMs: 60_000 });
    let at = T0;
    for (let step = 0; step < 1_500; step++) {
      at += Math.floor(random() * 400);
      const roll = random();
      const spec = {
        id: `m${step}`,
        user: pick(users),
        gift: pick(gifts),
        count: 1 + Math.floor(random() * 8),
        end: random() < 0.4,
        group: `g${Math.floor(random() * 4)}`,
        at,
      };
      if (roll < 0.75) ledger.apply(giftFrame(spec));
      else if (roll < 0.85) ledger.apply(pageFrame(spec));
      else if (roll < 0.97) ledger.advance(at);
      else ledger = createGiftLedger({ settledRetentionMs: 60_000, state: ledger.exportState() });
      check(ledger);
    }
    ledger.closeAll(at + 1);
    check(ledger);
    expect(ledger.totals().provisionalCoins).toBe(0);
    expect(ledger.topGifters().length).toBeGreaterThan(5);
  });
});
