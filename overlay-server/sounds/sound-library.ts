/**
 * The owner's sounds for one stream, kept in its config folder (`<stream dir>/sounds/`: folder
 * 0700, files 0600, like the clips): uploads named by a hash of their content and their type's
 * extension, and the settings (master volume, mute, which sound each tier and gift plays) in
 * `sounds.json` beside them. Uploads are checked for size and, by their bytes, for type; the
 * bundled tier sounds are always there and need no file here (the overlays ship them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/protocol/ack';
import {
  DEFAULT_SOUND_SETTINGS,
  isBundledSound,
  type SoundFile,
  type SoundSettings,
  type SoundsState,
} from '../../shared/protocol/sounds';
import { displayName, ownerFolder, writeAtomically } from '../uploads/owner-files';
import { sniffAudio } from './audio-type';
import { missingSounds, SOUND_ID, soundSettingsSchema, withoutSound } from './sound-settings';

export const SOUND_LIMITS = {
  /** One sound: an alert sting of a few seconds, with room for a long one. */
  maxBytes: 5 * 1024 * 1024,
  sounds: 100,
} as const;

const indexSchema = z.object({
  version: z.literal(1),
  sounds: z.array(
    z.object({
      id: z.string().regex(SOUND_ID),
      name: z.string().max(200),
      type: z.enum(['audio/wav', 'audio/ogg', 'audio/mpeg']),
      bytes: z.number().int().nonnegative(),
    }),
  ),
  settings: soundSettingsSchema,
});

export type SoundChange =
  | { ok: true; state: SoundsState; sound?: SoundFile }
  | { ok: false; status: number; code: ErrorCode; message: string };

export class SoundLibrary {
  readonly dir: string;
  private sounds: SoundFile[] = [];
  private settings: SoundSettings = DEFAULT_SOUND_SETTINGS;

  /** `onChange` hears every change (the relay broadcasts it on the `sounds` channel). */
  constructor(
    home: string,
    private readonly onChange: (state: SoundsState) => void = () => {},
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.dir = ownerFolder(join(home, 'sounds'));
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
      sounds: this.sounds.map((sound) => ({ ...sound })),
      settings: structuredClone(this.settings),
    };
  }

  /** Whether a sound can be played: a bundled one, or an upload still on disk. */
  has(id: string): boolean {
    return isBundledSound(id) || this.filePath(id) !== null;
  }

  /** The path of an uploaded sound by its id, or null. */
  filePath(id: string): string | null {
    if (!SOUND_ID.test(id) || !this.sounds.some((sound) => sound.id === id)) return null;
    const path = join(this.dir, id);
    return existsSync(path) ? path : null;
  }

  /** Stores an upload after checking its size and, by content, its type. */
  put(bytes: Uint8Array, name: string): SoundChange {
    if (bytes.length > SOUND_LIMITS.maxBytes) {
      return {
        ok: false,
        status: 413,
        code: 'TOO_LARGE',
        message: `a sound is at most ${SOUND_LIMITS.maxBytes} bytes; this one is ${bytes.length}`,
      };
    }
    const audio = sniffAudio(bytes);
    if (!audio) {
      return {
        ok: false,
        status: 415,
        code: 'BAD_PAYLOAD',
        message: 'not a sound this can play: upload WAV, MP3 or Ogg',
      };
    }
    const id = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${audio.extension}`;
    if (
      !this.sounds.some((sound) => sound.id === id) &&
      this.sounds.length >= SOUND_LIMITS.sounds
    ) {
      return {
        ok: false,
        status: 409,
        code: 'CONFLICT',
        message: `at most ${SOUND_LIMITS.sounds} sounds; remove one first`,
      };
    }
    const path = join(this.dir, id);
    if (!existsSync(path)) writeAtomically(path, bytes);
    const sound: SoundFile = {
      id,
      name: displayName(name, 'sound'),
      type: audio.type,
      bytes: bytes.length,
    };
    this.sounds = [...this.sounds.filter((s) => s.id !== id), sound];
    return { ...this.commit(), sound };
  }

  /** Removes an upload; settings that named it fall back to the tier's bundled sound. */
  remove(id: string): SoundChange {
    if (!this.sounds.some((sound) => sound.id === id)) {
      return { ok: false, status: 404, code: 'NOT_FOUND', message: `no sound ${id}` };
    }
    this.sounds = this.sounds.filter((sound) => sound.id !== id);
    this.settings = withoutSound(this.settings, id);
    rmSync(join(this.dir, id), { force: true });
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
    const index = { version: 1, sounds: this.sounds, settings: this.settings };
    writeAtomically(
      join(this.dir, 'sounds.json'),
      Buffer.from(`${JSON.stringify(index, null, 2)}\n`),
    );
    const state = this.state();
    this.onChange(state);
    return { ok: true, state };
  }

  /** The saved index; a damaged one starts empty (with a warning), files left where they are. */
  private read(): void {
    this.sounds = [];
    this.settings = DEFAULT_SOUND_SETTINGS;
    const path = join(this.dir, 'sounds.json');
    if (!existsSync(path)) return;
    try {
      const parsed = indexSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) {
        this.sounds = parsed.data.sounds.filter((sound) => existsSync(join(this.dir, sound.id)));
        this.settings = parsed.data.settings;
        return;
      }
      this.warn(`${path} is not a valid sound index (${parsed.error.message}); starting with none`);
    } catch (error) {
      this.warn(`${path} could not be read (${String(error)}); starting with none`);
    }
  }
}
