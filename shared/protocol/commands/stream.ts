import { z } from 'zod';

export const streamCommandSchemas = [
  /** The operator ends the stream: open streaks commit, running polls and segments close. */
  z.object({ type: z.literal('stream.end') }),
] as const;
