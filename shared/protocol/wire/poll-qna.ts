/** Wire schemas of the `poll` and `qna` channels (types: channel-data.ts). */
import { z } from 'zod/mini';
import { viewerBadgeSchema } from './viewers';

export const pollViewSchema = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(
    z.object({ key: z.string(), label: z.string(), votes: z.number(), score: z.number() }),
  ),
  status: z.enum(['running', 'closed']),
  startedAt: z.number(),
  endsAt: z.nullable(z.number()),
  visible: z.boolean(),
  totalVoters: z.number(),
  winners: z.nullable(z.array(z.string())),
  weighting: z.optional(z.string()),
  closedAt: z.optional(z.nullable(z.number())),
});

export const pollStateSchema = z.object({ current: z.nullable(pollViewSchema) });

const questionStatus = z.enum(['pending', 'approved', 'onScreen', 'answered', 'dismissed']);

export const questionViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  user: viewerBadgeSchema,
  status: questionStatus,
  upvotes: z.number(),
  merged: z.number(),
  askedAt: z.number(),
  number: z.optional(z.number()),
  origin: z.optional(z.enum(['tiktok', 'chat'])),
  history: z.optional(
    z.array(z.object({ status: questionStatus, by: z.string(), at: z.number() })),
  ),
});

export const qnaStateSchema = z.object({
  onScreen: z.nullable(questionViewSchema),
  questions: z.array(questionViewSchema),
});
