/**
 * The stream's sounds as the panel sees and changes them: the uploads, the master volume and
 * mute every overlay follows, and which sound each alert tier and gift plays. Changes go to the
 * server over HTTP (owner only); the `sounds` channel brings the result back to every panel and
 * overlay. A refusal is kept with its code to show.
 */
import { action, computed, createModel, signal } from '@preact/signals';
import type { Ack } from '../../shared/protocol/ack';
import {
  BUNDLED_SOUND_IDS,
  DEFAULT_SOUND_SETTINGS,
  type SoundSettings,
} from '../../shared/protocol/sounds';
import { configureSounds, removeSound, uploadSound } from '../transport/sound-client';
import type { ConnectionModel } from './connection-model';
import type { RoomModel } from './room-model';

export type Tier = '1' | '2' | '3' | '4' | '5';

export const SoundsModel = createModel((room: RoomModel, connection: ConnectionModel) => {
  const sounds = computed(() => room.sounds.value?.sounds ?? []);
  const settings = computed(() => room.sounds.value?.settings ?? DEFAULT_SOUND_SETTINGS);
  /** Every sound a setting or a rule may name: the bundled tier sounds, then the uploads. */
  const choices = computed(() => [
    ...BUNDLED_SOUND_IDS.map((id) => ({ id, name: `${id} (bundled)` })),
    ...sounds.value.map((sound) => ({ id: sound.id, name: sound.name })),
  ]);
  /** The last change the server refused (or that never reached it). */
  const refusal = signal<{ code: string; message: string } | null>(null);
  const send = async (
    request: (target: NonNullable<typeof connection.pairing.value>) => Promise<Ack<unknown>>,
  ) => {
    const target = connection.pairing.peek();
    const ack: Ack<unknown> = target
      ? await request(target)
      : { ok: false, code: 'DISCONNECTED', message: 'Not paired with a server.' };
    refusal.value = ack.ok ? null : { code: ack.code, message: ack.message };
    return ack;
  };
  const change = (next: (current: SoundSettings) => SoundSettings) =>
    send((target) => configureSounds(target, next(settings.peek())));

  return {
    sounds,
    settings,
    choices,
    refusal,
    upload: action((file: File) => send((target) => uploadSound(target, file))),
    remove: action((soundId: string) => send((target) => removeSound(target, soundId))),
    setVolume: action((volume: number) => change((current) => ({ ...current, volume }))),
    setMuted: action((muted: boolean) => change((current) => ({ ...current, muted }))),
    /** A tier's sound; null goes back to its bundled one. */
    setTierSound: action((tier: Tier, soundId: string | null) =>
      change((current) => {
        const tiers = { ...current.tiers };
        if (soundId) tiers[tier] = soundId;
        else delete tiers[tier];
        return { ...current, tiers };
      }),
    ),
    /** A gift's own sound, by the gift's name as alerts show it; null removes it. */
    setGiftSound: action((gift: string, soundId: string | null) =>
      change((current) => {
        const gifts = { ...current.gifts };
        if (soundId) gifts[gift] = soundId;
        else delete gifts[gift];
        return { ...current, gifts };
      }),
    ),
  };
});
export type SoundsModel = InstanceType<typeof SoundsModel>;
