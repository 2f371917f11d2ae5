import { z } from 'zod';

/** Text a moderator types for viewers to read (question, option labels). */
const label = (max: number) => z.string().trim().min(1).max(max);
const pollId = z.string().min(1).max(64).optional();

/**
 * Gift votes, published to viewers so one big gifter cannot buy the result: `perCoin` adds one
 * vote per `coinsPerVote` coins up to `maxVotesPerViewer`; `sqrt` adds √(coins ÷ coinsPerVote)
 * votes (optionally capped). Gifts count for the option the sender voted for in chat.
 */
export const giftVotesSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('perCoin'),
    coinsPerVote: z.number().int().min(1).max(100_000).default(10),
    maxVotesPerViewer: z.number().int().min(1).max(10_000).default(5),
  }),
  z.object({
    mode: z.literal('sqrt'),
    coinsPerVote: z.number().int().min(1).max(100_000).default(1),
    maxVotesPerViewer: z.number().int().min(1).max(10_000).nullable().default(null),
  }),
]);
export type GiftVotes = z.output<typeof giftVotesSchema>;

/** Likes as votes (off unless set): a voter's likes add votes to their option, capped. */
export const likeVotesSchema = z.object({
  likesPerVote: z.number().int().min(1).max(100_000).default(50),
  maxVotesPerViewer: z.number().int().min(1).max(10_000).default(3),
});
export type LikeVotes = z.output<typeof likeVotesSchema>;

export const pollOptionSchema = z.object({
  label: label(80),
  /** What viewers type in `keyword` mode; defaults to the label. */
  keyword: label(32).optional(),
});

export const pollStartSchema = z
  .object({
    type: z.literal('poll.start'),
    question: label(200),
    options: z.array(pollOptionSchema).min(2).max(6),
    /** Null for an open-ended poll that runs until closed. */
    durationSeconds: z.number().int().min(5).max(86_400).nullable().default(null),
    /** How viewers pick an option in chat: `1`, `A`, or the option's keyword. */
    voteBy: z.enum(['number', 'letter', 'keyword']).default('number'),
    /** Whether a viewer may change their vote (their latest counts). */
    allowChange: z.boolean().default(false),
    giftVotes: giftVotesSchema.nullable().default(null),
    likeVotes: likeVotesSchema.nullable().default(null),
    visible: z.boolean().default(true),
  })
  .refine(
    (poll) => {
      if (poll.voteBy !== 'keyword') return true;
      const words = poll.options.map((o) => (o.keyword ?? o.label).toLowerCase());
      return new Set(words).size === words.length;
    },
    { message: 'keywords must differ from each other', path: ['options'] },
  );
export type PollStartCommand = z.output<typeof pollStartSchema>;

export const pollCommandSchemas = [
  pollStartSchema,
  z.object({
    type: z.literal('poll.extend'),
    pollId,
    seconds: z.number().int().min(1).max(86_400),
  }),
  z.object({ type: z.literal('poll.close'), pollId }),
  z.object({ type: z.literal('poll.show'), pollId }),
  z.object({ type: z.literal('poll.hide'), pollId }),
] as const;
