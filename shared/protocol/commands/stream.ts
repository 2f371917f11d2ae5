import { z } from 'zod';

export const streamCommandSchemas = [
  /**
   * The operator starts a stream before any event arrives (otherwise the first event does).
   * The relay runs it: refused with CONFLICT while one runs.
   */
  z.object({ type: z.literal('stream.start') }),
  /** The operator ends the stream: open streaks commit, running polls and segments close. */
  z.object({ type: z.literal('stream.end') }),
] as const;
