import { z } from 'zod';
import type { RevenueModel } from './revenue-model';

/** Validates an edited revenue model (from the side panel or the config file). */
export const revenueModelSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  viewerUsdPerCoin: z.number().positive().max(1),
  diamondsPerCoin: z.number().positive().max(10),
  usdPerDiamond: z.number().positive().max(1),
  platformShare: z.number().min(0).max(1),
  brandDealShare: z.number().min(0).max(1),
  payoutThresholdUsd: z.number().min(0).max(1_000_000),
  source: z.string().max(500),
}) satisfies z.ZodType<RevenueModel>;
