import { z } from 'zod';

export const questionStatusSchema = z.enum([
  'pending',
  'approved',
  'onScreen',
  'answered',
  'dismissed',
]);

/** How chat lines become questions and upvotes. */
export const qnaSettingsSchema = z.object({
  /** A chat line starting with one of these (case-insensitive) is a question, e.g. `Q:`. */
  prefixes: z.array(z.string().trim().min(1).max(16)).max(10),
  /** A chat line ending in `?` is a question (when it has at least `minWords` words). */
  trailingQuestionMark: z.boolean(),
  minWords: z.number().int().min(1).max(20),
  /** A chat line that is exactly one of these upvotes the latest open question; `+1 #3` picks #3. */
  upvoteTokens: z.array(z.string().trim().min(1).max(16)).max(10),
  /** Token similarity (0–1) above which a new question merges into an open one. */
  mergeSimilarity: z.number().min(0.5).max(1),
});
export type QnaSettings = z.output<typeof qnaSettingsSchema>;

export const qnaCommandSchemas = [
  z.object({
    type: z.literal('qna.setStatus'),
    questionId: z.string().min(1).max(64),
    status: questionStatusSchema,
  }),
  z.object({ type: z.literal('qna.configure'), settings: qnaSettingsSchema.partial() }),
] as const;
