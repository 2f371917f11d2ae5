/** Wire schemas of the `metrics` and `earnings` channels (types: channel-data.ts). */
import { z } from 'zod/mini';
import { viewerBadgeSchema } from './viewers';

const audienceSchema = z.object({
  joins: z.number(),
  joinsByVia: z.object({
    member: z.number(),
    entrance: z.number(),
    superFan: z.number(),
    anonymous: z.number(),
  }),
  emotes: z.number(),
  subscriptions: z.number(),
  superFans: z.number(),
  followerCount: z.nullable(z.number()),
  totalViewers: z.nullable(z.number()),
  statedShares: z.nullable(z.number()),
  topViewers: z.array(
    z.extend(viewerBadgeSchema, { coins: z.number(), rank: z.nullable(z.number()) }),
  ),
});

export const metricsStateSchema = z.object({
  viewers: z.number(),
  peakViewers: z.number(),
  averageViewers: z.number(),
  likes: z.number(),
  follows: z.number(),
  shares: z.number(),
  chatMessages: z.number(),
  uniqueChatters: z.number(),
  engagementRate: z.number(),
  coinsPerHour: z.number(),
  durationSeconds: z.number(),
  audience: audienceSchema,
  perMinute: z.array(
    z.object({
      minute: z.number(),
      viewers: z.number(),
      coins: z.number(),
      chats: z.number(),
      likes: z.number(),
    }),
  ),
});

const revenueModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  viewerUsdPerCoin: z.number(),
  diamondsPerCoin: z.number(),
  usdPerDiamond: z.number(),
  platformShare: z.number(),
  brandDealShare: z.number(),
  payoutThresholdUsd: z.number(),
  source: z.string(),
});

export const earningsStateSchema = z.object({
  committedCoins: z.number(),
  provisionalCoins: z.number(),
  guestCoins: z.number(),
  figures: z.object({
    coins: z.number(),
    diamonds: z.number(),
    viewerSpendUsd: z.number(),
    estimatedPayoutUsd: z.number(),
    platformShareUsd: z.number(),
    model: revenueModelSchema,
  }),
  coinsPerHour: z.number(),
  moderatorsSeeEarnings: z.optional(z.boolean()),
});
