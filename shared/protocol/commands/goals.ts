import { z } from 'zod';

export const goalKindSchema = z.enum(['coins', 'likes', 'follows', 'shares']);

export const goalCommandSchemas = [
  z.object({
    type: z.literal('goals.set'),
    /** Given: updates that goal; omitted: creates one. */
    goalId: z.string().min(1).max(64).optional(),
    kind: goalKindSchema,
    label: z.string().trim().min(1).max(80).optional(),
    target: z.number().int().min(1).max(1_000_000_000),
    /** `now`: counts what happens from here on; `streamStart`: includes the stream so far. */
    countFrom: z.enum(['now', 'streamStart']).default('now'),
  }),
  z.object({ type: z.literal('goals.remove'), goalId: z.string().min(1).max(64) }),
] as const;
