import { describe, expect, it } from 'vitest';
import { parseWith } from '../events/parse';
import {
  BRIEF_PRESET,
  brandDealNet,
  OBSERVED_MARKET_PRESET,
  payoutProgress,
  presetById,
  REVENUE_PRESETS,
  type RevenueModel,
  revenueFor,
} from './revenue-model';
import { revenueModelSchema } from './revenue-model-schema';

describe('revenueFor', () => {
  it.each([
    // coins, model, diamonds, viewer spend, payout, platform share (USD)
    [1_000, BRIEF_PRESET, 1_000, 14.3, 11.44, 2.86],
    [1_000, OBSERVED_MARKET_PRESET, 500, 14.3, 5, 0],
    [1, BRIEF_PRESET, 1, 0.01, 0.01, 0],
    [29_999, BRIEF_PRESET, 29_999, 428.99, 343.19, 85.8],
    [29_999, OBSERVED_MARKET_PRESET, 14_999.5, 428.99, 150, 0],
    [0, BRIEF_PRESET, 0, 0, 0, 0],
  ])('%i coins under %o', (coins, model, diamonds, viewerSpendUsd, payout, share) => {
    expect(revenueFor(coins, model)).toEqual({
      coins,
      diamonds,
      viewerSpendUsd,
      estimatedPayoutUsd: payout,
      platformShareUsd: share,
      model,
    });
  });

  it('names the model behind every figure', () => {
    expect(revenueFor(10, OBSERVED_MARKET_PRESET).model.name).toMatch(/Observed market/);
  });
});

describe('brandDealNet', () => {
  it.each([
    [500, BRIEF_PRESET, 100, 400],
    [333.33, BRIEF_PRESET, 66.67, 266.66],
    // The observed-market preset prices the gift cut into the diamond, but brand deals still
    // lose the default's 20%.
    [500, OBSERVED_MARKET_PRESET, 100, 400],
  ])('a %d USD deal under %o', (dealValueUsd, model, platformShareUsd, netUsd) => {
    expect(brandDealNet(dealValueUsd, model)).toEqual({
      dealValueUsd,
      platformShareUsd,
      netUsd,
      model,
    });
  });
});

describe('payoutProgress', () => {
  it.each([
    // balance, fraction, remaining, can cash out
    [0, 0, 100, false],
    [25, 0.25, 75, false],
    [99.99, 0.9999, 0.01, false],
    [100, 1, 0, true],
    [150, 1, 0, true],
  ])('%d USD against the 100 USD threshold', (balance, fraction, remainingUsd, canCashOut) => {
    const progress = payoutProgress(balance, BRIEF_PRESET);
    expect(progress).toMatchObject({
      balanceUsd: balance,
      thresholdUsd: 100,
      remainingUsd,
      canCashOut,
      model: BRIEF_PRESET,
    });
    expect(progress.fraction).toBeCloseTo(fraction, 10);
  });

  it('agrees with the cents it shows: $99.999 shows as $100.00 and can cash out', () => {
    const progress = payoutProgress(99.999, BRIEF_PRESET);
    expect(progress).toMatchObject({ balanceUsd: 100, remainingUsd: 0, canCashOut: true });
  });

  it('rounds half a cent up despite binary noise', () => {
    expect(payoutProgress(1.005, BRIEF_PRESET).balanceUsd).toBe(1.01);
    expect(brandDealNet(10.05, BRIEF_PRESET)).toMatchObject({
      platformShareUsd: 2.01,
      netUsd: 8.04,
    });
  });

  it('a zero threshold is always met', () => {
    const model = { ...BRIEF_PRESET, payoutThresholdUsd: 0 };
    expect(payoutProgress(0, model)).toMatchObject({ fraction: 1, canCashOut: true });
  });
});

describe('presets', () => {
  it('ships brief-20 as the default with a 20% share and a $100 threshold', () => {
    expect(REVENUE_PRESETS[0]).toBe(BRIEF_PRESET);
    expect(BRIEF_PRESET).toMatchObject({ platformShare: 0.2, payoutThresholdUsd: 100 });
    expect(presetById('observed-market')).toBe(OBSERVED_MARKET_PRESET);
    expect(presetById('nope')).toBeUndefined();
  });

  it.each(REVENUE_PRESETS)('preset $id passes its own schema', (preset) => {
    expect(parseWith(revenueModelSchema, preset)).toEqual({ ok: true, value: preset });
  });
});

describe('revenueModelSchema', () => {
  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a share above 100%', { ...BRIEF_PRESET, platformShare: 1.5 }, /^platformShare: /],
    ['a negative threshold', { ...BRIEF_PRESET, payoutThresholdUsd: -1 }, /^payoutThresholdUsd: /],
    ['a zero coin price', { ...BRIEF_PRESET, viewerUsdPerCoin: 0 }, /^viewerUsdPerCoin: /],
    ['a price given as text', { ...BRIEF_PRESET, usdPerDiamond: '0.01' }, /^usdPerDiamond: /],
    ['a missing field', withoutField(BRIEF_PRESET, 'diamondsPerCoin'), /^diamondsPerCoin: /],
    ['an empty name', { ...BRIEF_PRESET, name: '' }, /^name: /],
  ];

  it.each(bad)('rejects %s, naming the field', (_what, model, message) => {
    const parsed = parseWith(revenueModelSchema, model);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('accepts an edited custom model', () => {
    const custom: RevenueModel = { ...BRIEF_PRESET, id: 'custom', platformShare: 0.5 };
    expect(parseWith(revenueModelSchema, custom).ok).toBe(true);
  });
});

function withoutField(model: RevenueModel, field: keyof RevenueModel): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...model };
  delete copy[field];
  return copy;
}
