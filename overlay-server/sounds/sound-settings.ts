/**
 * The owner's sound settings as the panel sends them (`PUT /api/sounds/settings`): master volume
 * and mute, and which sound each tier and gift plays. Every sound named must be one the stream
 * has (bundled or uploaded); unknown keys are refused, so a typo never passes for a setting.
 */
import { z } from 'zod';
import { isBundledSound, type SoundSettings } from '../../shared/protocol/sounds';

/** A stored sound's id and file name: 32 hex digits of its SHA-256 and its extension. */
export const SOUND_ID = /^[0-9a-f]{32}\.(wav|ogg|mp3)$/;

const soundId = z
  .string()
  .max(64)
  .refine((id) => isBundledSound(id) || SOUND_ID.test(id), 'not a sound id');

/** Gift names as alerts show them; a stream has a few dozen gifts with their own sound at most. */
const MAX_GIFT_SOUNDS = 200;

export const soundSettingsSchema = z
  .object({
    volume: z.number().min(0).max(1),
    muted: z.boolean(),
    tiers: z.partialRecord(z.enum(['1', '2', '3', '4', '5']), soundId),
    gifts: z
      .record(z.string().trim().min(1).max(100), soundId)
      .refine((gifts) => Object.keys(gifts).length <= MAX_GIFT_SOUNDS, {
        message: `at most ${MAX_GIFT_SOUNDS} gifts with their own sound`,
      }),
  })
  .strict() satisfies z.ZodType<SoundSettings>;

/** The sounds `settings` names that `exists` does not know. */
export function missingSounds(settings: SoundSettings, exists: (id: string) => boolean): string[] {
  const named = [...Object.values(settings.tiers), ...Object.values(settings.gifts)];
  return [...new Set(named.filter((id): id is string => id !== undefined && !exists(id)))];
}

/** Settings without the sounds that are gone (a removed upload falls back to the tier's own). */
export function withoutSound(settings: SoundSettings, id: string): SoundSettings {
  const keep = (entries: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(entries).filter(
        (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== id,
      ),
    );
  return { ...settings, tiers: keep(settings.tiers), gifts: keep(settings.gifts) };
}
