/**
 * Wire schema of the `sounds` channel: the stream's uploaded sounds and the owner's settings
 * (master volume, mute, a sound per tier and per gift), which overlays play from. Types:
 * sounds.ts.
 */
import { z } from 'zod/mini';

export const soundsStateSchema = z.object({
  sounds: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string(), bytes: z.number() }),
  ),
  settings: z.object({
    volume: z.number(),
    muted: z.boolean(),
    tiers: z.partialRecord(z.enum(['1', '2', '3', '4', '5']), z.string()),
    gifts: z.record(z.string(), z.string()),
  }),
});
