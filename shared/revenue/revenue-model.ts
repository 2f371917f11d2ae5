/**
 * Coins → diamonds → money. Public figures disagree (docs/domain-rules.md, "Money"), so the
 * model is data: every money figure names the model that produced it, and presets are named.
 */
export interface RevenueModel {
  /** Preset id, or 'custom' after an edit. */
  id: string;
  /** Human name shown beside every money figure. */
  name: string;
  /** What a viewer pays for one coin, USD (app-store pack price). */
  viewerUsdPerCoin: number;
  /** Diamonds the creator receives per coin gifted. */
  diamondsPerCoin: number;
  /** USD the creator is paid per diamond, before `platformShare` is applied. */
  usdPerDiamond: number;
  /** Fraction (0–1) the platform keeps of gift value (on top of `usdPerDiamond`). */
  platformShare: number;
  /**
   * Fraction (0–1) the platform keeps of brand deals run through it. The product assumes about
   * 20%; it is its own field because a preset may already price the gift cut into the diamond.
   */
  brandDealShare: number;
  /** Balance (USD) the creator must reach before a cash-out. */
  payoutThresholdUsd: number;
  /** Where the numbers come from. */
  source: string;
}

/** Money figures for some number of coins, always with the model that produced them. */
export interface RevenueFigures {
  coins: number;
  diamonds: number;
  /** What viewers paid for those coins, USD. */
  viewerSpendUsd: number;
  /** What the creator is estimated to be paid, USD, after the platform share. */
  estimatedPayoutUsd: number;
  /** The platform's share, USD. */
  platformShareUsd: number;
  model: RevenueModel;
}

/**
 * The product's own assumption (the shipped default): the platform keeps about 20% of what viewers
 * paid; the rest reaches the creator. 1 diamond per coin, valued at the viewer's coin price.
 */
export const BRIEF_PRESET: RevenueModel = {
  id: 'brief-20',
  name: 'Product brief: 20% platform share',
  viewerUsdPerCoin: 0.0143,
  diamondsPerCoin: 1,
  usdPerDiamond: 0.0143,
  platformShare: 0.2,
  brandDealShare: 0.2,
  payoutThresholdUsd: 100,
  source: 'Product brief ("typically around 20%"); coin price of the US in-app packs.',
};

/**
 * What creators observe: about $0.005 per coin gifted reaches them (a 2022 BBC test: $0.0052;
 * "about 50% of the coin value"). Guides agree on 2 coins per diamond but disagree on the
 * diamond's worth ($0.005 in TikFinity's example, which would halve this); this preset follows
 * the measured $0.005 per coin. The platform's cut is already inside `usdPerDiamond`, so
 * `platformShare` is 0 to avoid taking it twice.
 */
export const OBSERVED_MARKET_PRESET: RevenueModel = {
  id: 'observed-market',
  name: 'Observed market: about $0.005 per coin to the creator',
  viewerUsdPerCoin: 0.0143,
  diamondsPerCoin: 0.5,
  usdPerDiamond: 0.01,
  platformShare: 0,
  brandDealShare: 0.2,
  payoutThresholdUsd: 100,
  source: 'BBC 2022 test, creator guides (2 coins = 1 diamond); see docs/domain-rules.md.',
};

export const REVENUE_PRESETS: readonly RevenueModel[] = [BRIEF_PRESET, OBSERVED_MARKET_PRESET];

/** Diamonds, spend and payout for `coins` committed coins under `model`. */
export function revenueFor(coins: number, model: RevenueModel): RevenueFigures {
  const diamonds = coins * model.diamondsPerCoin;
  const gross = diamonds * model.usdPerDiamond;
  const platformShareUsd = gross * model.platformShare;
  return {
    coins,
    diamonds,
    viewerSpendUsd: roundCents(coins * model.viewerUsdPerCoin),
    estimatedPayoutUsd: roundCents(gross - platformShareUsd),
    platformShareUsd: roundCents(platformShareUsd),
    model,
  };
}

/** A brand deal's value after the platform share, under the same model as gifts. */
export function brandDealNet(dealValueUsd: number, model: RevenueModel) {
  const platformShareUsd = roundCents(dealValueUsd * model.brandDealShare);
  return {
    dealValueUsd,
    platformShareUsd,
    netUsd: roundCents(dealValueUsd - platformShareUsd),
    model,
  };
}

/** How far a balance is from the model's cash-out threshold. */
export function payoutProgress(balanceUsd: number, model: RevenueModel) {
  const threshold = model.payoutThresholdUsd;
  // Balances are paid in cents: judge the balance as shown, so "$100.00" never reads as short.
  const balance = roundCents(balanceUsd);
  return {
    balanceUsd: balance,
    thresholdUsd: threshold,
    fraction: threshold <= 0 ? 1 : Math.min(1, Math.max(0, balance / threshold)),
    remainingUsd: roundCents(Math.max(0, threshold - balance)),
    canCashOut: balance >= threshold,
    model,
  };
}

export function presetById(id: string): RevenueModel | undefined {
  return REVENUE_PRESETS.find((preset) => preset.id === id);
}

// `usd * 100` carries binary noise (1.005 * 100 = 100.49999999999999); trimming it to 12
// significant digits first makes half a cent round up as people expect.
function roundCents(usd: number): number {
  return Math.round(Number((usd * 100).toPrecision(12))) / 100;
}
