/**
 * When the alerts overlay makes a sound: once per alert, as its card appears (the sequencer's
 * `start`, handled in the same call that creates the card). A streak is one alert, so ×1 → ×10
 * plays once; a streak that levels up into a higher tier on screen does not play again (its
 * card bursts into the new look in silence: one gift streak, one sound). Which sound: the
 * gift's own, else the tier's override, else the tier's bundled sound (alertSoundId).
 */
import {
  alertSoundId,
  BUNDLED_SOUND_IDS,
  DEFAULT_SOUND_SETTINGS,
  type SoundsState,
} from '../../../shared/protocol/sounds';
import type { SequencerEvent } from './alert-sequencer';

/** Alert sounds ringing at once at most: a storm's cards come faster than tier sounds end. */
export const ALERT_VOICES = 3;

/** The part of sound-player.ts this uses. */
export interface SoundOutput {
  preload(id: string): Promise<void>;
  play(id: string, volume?: number): boolean;
  setMix(mix: { volume: number; muted: boolean }): void;
}

export class AlertSounds {
  private state: SoundsState = { sounds: [], settings: DEFAULT_SOUND_SETTINGS };

  constructor(private readonly output: SoundOutput) {
    output.setMix(this.state.settings);
    for (const id of BUNDLED_SOUND_IDS) void output.preload(id);
  }

  /** The stream's sounds and settings changed: follow its mix, fetch the sounds it names. */
  apply(state: SoundsState): void {
    this.state = state;
    this.output.setMix(state.settings);
    const named = [...Object.values(state.settings.tiers), ...Object.values(state.settings.gifts)];
    for (const id of named) if (id) void this.output.preload(id);
  }

  /** Plays the sound of every alert that starts among `events`. */
  follow(events: readonly SequencerEvent[]): void {
    for (const event of events) {
      if (event.type === 'start') this.output.play(alertSoundId(event.alert, this.state));
    }
  }
}
