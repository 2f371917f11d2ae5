/**
 * What the `sounds` channel carries: the sounds a stream can play (the bundled tier sounds and
 * the owner's uploads), which sound each alert tier and gift plays, and the master volume and
 * mute every overlay follows. Overlays watch it (alerts and actions play from it); the panel
 * changes it.
 */

/** The alert tiers' own sounds, shipped with the overlays (overlays/assets/sounds/). */
export const BUNDLED_SOUND_IDS = ['tier-1', 'tier-2', 'tier-3', 'tier-4', 'tier-5'] as const;
export type BundledSoundId = (typeof BUNDLED_SOUND_IDS)[number];

export const isBundledSound = (id: string): id is BundledSoundId =>
  (BUNDLED_SOUND_IDS as readonly string[]).includes(id);

/** The bundled sound of an alert tier (1–5). */
export const tierSoundId = (tier: 1 | 2 | 3 | 4 | 5): BundledSoundId => `tier-${tier}`;

/** A sound the owner uploaded, stored in the stream's config folder. */
export interface SoundFile {
  /** What settings and rules name and overlays fetch (`/sounds/<id>`): a content hash and extension. */
  id: string;
  /** The uploaded file's name, for the panel. */
  name: string;
  /** Its type, read from its content: audio/wav, audio/mpeg or audio/ogg. */
  type: string;
  bytes: number;
}

export interface SoundSettings {
  /** Master volume, 0–1: every sound and clip plays at its own volume times this. */
  volume: number;
  /** Nothing plays while muted (alerts and actions still show). */
  muted: boolean;
  /** A tier's sound instead of its bundled one, keyed by tier ("1"–"5"). */
  tiers: Partial<Record<'1' | '2' | '3' | '4' | '5', string>>;
  /** A gift's sound, keyed by the gift's name as alerts show it; before its tier's. */
  gifts: Record<string, string>;
}

export interface SoundsState {
  /** Uploaded sounds. */
  sounds: SoundFile[];
  settings: SoundSettings;
}

/** Full volume until the owner turns it down: clips played at their own volume before sounds came. */
export const DEFAULT_SOUND_SETTINGS: SoundSettings = {
  volume: 1,
  muted: false,
  tiers: {},
  gifts: {},
};

/**
 * The sound an alert plays: its gift's own, else its tier's override, else its tier's bundled
 * sound. A setting naming a sound that is gone falls back to the next.
 */
export function alertSoundId(
  alert: { tier: 1 | 2 | 3 | 4 | 5; gift: { name: string } | null },
  state: Pick<SoundsState, 'sounds' | 'settings'>,
): string {
  const exists = (id: string | undefined): id is string =>
    id !== undefined && (isBundledSound(id) || state.sounds.some((sound) => sound.id === id));
  const gift = alert.gift ? state.settings.gifts[alert.gift.name] : undefined;
  if (exists(gift)) return gift;
  const tier = state.settings.tiers[String(alert.tier) as '1'];
  if (exists(tier)) return tier;
  return tierSoundId(alert.tier);
}
