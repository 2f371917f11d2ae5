/**
 * What the panel keeps in IndexedDB, one zod schema per record so a backup file is validated
 * by the same definitions the stores are typed with.
 */
import { z } from 'zod';
import { revenueModelSchema } from '../../shared/revenue/revenue-model-schema';

/** One finished (or still running) stream, as the analytics view lists it. */
export const streamSummarySchema = z.object({
  streamId: z.string().min(1),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  durationSeconds: z.number().min(0),
  coins: z.number().min(0),
  diamonds: z.number().min(0),
  estimatedPayoutUsd: z.number().min(0),
  revenueModelId: z.string(),
  revenueModelName: z.string(),
  peakViewers: z.number().min(0),
  averageViewers: z.number().min(0),
  followers: z.number().min(0),
  likes: z.number().min(0),
  chatMessages: z.number().min(0),
  engagementRate: z.number().min(0),
  /** True once the server's final report replaced the live figures. */
  final: z.boolean(),
});
export type StreamSummary = z.infer<typeof streamSummarySchema>;

/** Earnings of one stream, counted towards the payout threshold across streams. */
export const earningsEntrySchema = z.object({
  streamId: z.string().min(1),
  at: z.number(),
  coins: z.number().min(0),
  diamonds: z.number().min(0),
  estimatedPayoutUsd: z.number().min(0),
  revenueModelId: z.string(),
  revenueModelName: z.string(),
});
export type EarningsEntry = z.infer<typeof earningsEntrySchema>;

/** A sponsor segment's report as the server measured it, kept for the brand. */
export const sponsorReportSchema = z.object({
  segmentId: z.string().min(1),
  streamId: z.string().nullable(),
  brand: z.string(),
  endedAt: z.number(),
  /** The server's measurements (on-screen seconds, viewer-minutes, mentions, …). */
  report: z.record(z.string(), z.unknown()),
});
export type SponsorReportRecord = z.infer<typeof sponsorReportSchema>;

const pollOptionSchema = z.looseObject({
  key: z.string(),
  label: z.string(),
  votes: z.number(),
  score: z.number(),
});

/** A closed poll with its result. */
export const pollArchiveSchema = z.looseObject({
  id: z.string().min(1),
  streamId: z.string().nullable(),
  question: z.string(),
  options: z.array(pollOptionSchema),
  totalVoters: z.number(),
  winners: z.array(z.string()).nullable(),
  startedAt: z.number(),
  closedAt: z.number().nullable(),
});
export type PollArchiveEntry = z.infer<typeof pollArchiveSchema>;

/** A question once it was answered or dismissed. */
export const qnaArchiveSchema = z.looseObject({
  id: z.string().min(1),
  streamId: z.string().nullable(),
  text: z.string(),
  handle: z.string(),
  status: z.enum(['answered', 'dismissed']),
  upvotes: z.number(),
  askedAt: z.number(),
});
export type QnaArchiveEntry = z.infer<typeof qnaArchiveSchema>;

/** A goal the streamer sets; the live view shows the server's progress for the same kind. */
export const goalSettingSchema = z.object({
  kind: z.enum(['coins', 'likes', 'follows', 'shares']),
  label: z.string().min(1).max(80),
  target: z.number().int().positive(),
});
export type GoalSetting = z.infer<typeof goalSettingSchema>;

/** One planned weekly slot: weekday 0 = Sunday, minutes after local midnight. */
export const scheduleSlotSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  startMinute: z.number().int().min(0).max(1439),
  durationMinutes: z.number().int().min(1).max(1440),
});
export type ScheduleSlot = z.infer<typeof scheduleSlotSchema>;

/** Settings: one record per key. The pairing token is here but never exported. */
export const settingsSchema = z.object({
  pairing: z
    .object({ origin: z.string(), token: z.string(), streamer: z.string().optional() })
    .nullable(),
  revenueModel: revenueModelSchema,
  goals: z.array(goalSettingSchema),
  schedule: z.array(scheduleSlotSchema),
  /** Whether moderators' panels may show earnings (the owner decides). */
  moderatorsSeeEarnings: z.boolean(),
  /** Payouts already cashed out: earnings before this time no longer count towards the threshold. */
  lastCashOutAt: z.number().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
