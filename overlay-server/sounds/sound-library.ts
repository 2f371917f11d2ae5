/**
 * The owner's sounds for one stream, kept in its config folder (`<stream dir>/sounds/`: folder
 * 0700, files 0600, like the clips): uploads named by a hash of their content and their type's
 * extension, and the settings (master volume, mute, which sound each tier and gift plays) in
 * `sounds.json` beside them. Uploads are checked for size and, by their bytes, for type
 * (`uploads/upload-shelf.ts`); the bundled tier sounds are always there and need no file here
 * (the overlays ship them).
 */
import { join } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SOUND_SETTINGS,
  isBundledSound,
  type SoundFile,
  type SoundSettings,
  type SoundsState,
} from '../../shared/protocol/sounds';
import { loadIndex, ownerFolder, saveIndex } from '../uploads/owner-files';
import { type UploadRefusal, UploadShelf, uploadedFileSchema } from '../uploads/upload-shelf';
import { sniffAudio } from './audio-type';
import { missingSounds, SOUND_ID, soundSettingsSchema, withoutSound } from './sound-settings';

export const SOUND_LIMITS = {
  /** One sound: an alert sting of a few seconds, with room for a long one. */
  maxBytes: 5 * 1024 * 1024,
  sounds: 100,
} as const;

const indexSchema = z.object({
  version: z.literal(1),
  sounds: z.array(uploadedFileSchema(SOUND_ID, ['audio/wav', 'audio/ogg', 'audio/mpeg'])),
  settings: soundSettingsSchema,
});

export type SoundChange = { ok: true; state: SoundsState; sound?: SoundFile } | UploadRefusal;

export class SoundLibrary {
  readonly dir: string;
  private readonly shelf: UploadShelf;
  private settings: SoundSettings = DEFAULT_SOUND_SETTINGS;

  /** `onChange` hears every change (the relay broadcasts it on the `sounds` channel). */
  constructor(
    home: string,
    private readonly onChange: (state: SoundsState) => void = () => {},
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.dir = ownerFolder(join(home, 'sounds'));
    this.shelf = new UploadShelf(this.dir, {
      noun: 'sound',
      maxBytes: SOUND_LIMITS.maxBytes,
      maxFiles: SOUND_LIMITS.sounds,
      id: SOUND_ID,
      sniff: sniffAudio,
      unplayable: 'not a sound this can play: upload WAV, MP3 or Ogg',
    });
    this.read();
  }

  /** Reads the index again: another server process of a cluster changed this stream's sounds. */
  reload(): SoundsState {
    this.read();
    const state = this.state();
    this.onChange(state);
    return state;
  }

  state(): SoundsState {
    return {
      sounds: this.shelf.files.map((sound) => ({ ...sound })),
      settings: structuredClone(this.settings),
    };
  }

  /** Whether a sound can be played: a bundled one, or an upload still on disk. */
  has(id: string): boolean {
    return isBundledSound(id) || this.filePath(id) !== null;
  }

  /** The path of an uploaded sound by its id, or null. */
  filePath(id: string): string | null {
    return this.shelf.filePath(id);
  }

  /** Stores an upload after checking its size and, by content, its type. */
  put(bytes: Uint8Array, name: string): SoundChange {
    const stored = this.shelf.put(bytes, name);
    return stored.ok ? { ...this.commit(), sound: stored.file } : stored;
  }

  /** Removes an upload; settings that named it fall back to the tier's bundled sound. */
  remove(id: string): SoundChange {
    const removed = this.shelf.remove(id);
    if (!removed.ok) return removed;
    this.settings = withoutSound(this.settings, id);
    return this.commit();
  }

  /** Replaces the settings: checked whole, every sound named must exist. */
  configure(input: unknown): SoundChange {
    const parsed = soundSettingsSchema.safeParse(input);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`)
        .join('; ');
      return { ok: false, status: 400, code: 'BAD_PAYLOAD', message };
    }
    const missing = missingSounds(parsed.data, (id) => this.has(id));
    if (missing.length > 0) {
      return {
        ok: false,
        status: 404,
        code: 'NOT_FOUND',
        message: `not in the sound library: ${missing.join(', ')}`,
      };
    }
    this.settings = parsed.data;
    return this.commit();
  }

  private commit(): { ok: true; state: SoundsState } {
    const index = { version: 1, sounds: this.shelf.files, settings: this.settings };
    saveIndex(join(this.dir, 'sounds.json'), index);
    const state = this.state();
    this.onChange(state);
    return { ok: true, state };
  }

  /** The saved index; a damaged one starts empty (with a warning), files left where they are. */
  private read(): void {
    const index = loadIndex(join(this.dir, 'sounds.json'), indexSchema, 'sound', this.warn);
    this.shelf.restore(index?.sounds ?? []);
    this.settings = index?.settings ?? DEFAULT_SOUND_SETTINGS;
  }
}
