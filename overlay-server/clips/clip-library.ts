/**
 * The owner's video clips for actions, kept in the config folder (`<home>/clips/`: folder 0700,
 * files 0600, like the sounds). A clip is named by a hash of its content and its type's
 * extension; that name is its id, what rules name and overlays fetch. Uploads are checked for
 * size and, by their bytes, for type; removing a clip deletes its file (a rule that still names
 * it says so in the panel, and its action fails on its own at run time).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/protocol/ack';
import type { ClipFile, ClipsState } from '../../shared/protocol/actions/actions-data';
import { displayName, ownerFolder, writeAtomically } from '../uploads/owner-files';
import { sniffVideo } from './video-type';

export const CLIP_LIMITS = {
  /** One clip: a few seconds of 1080p. */
  maxBytes: 50 * 1024 * 1024,
  clips: 50,
} as const;

/** A stored clip's id and file name: 32 hex digits of its SHA-256 and its extension. */
export const CLIP_ID = /^[0-9a-f]{32}\.(mp4|webm)$/;

const indexSchema = z.object({
  version: z.literal(1),
  clips: z.array(
    z.object({
      id: z.string().regex(CLIP_ID),
      name: z.string().max(200),
      type: z.enum(['video/mp4', 'video/webm']),
      bytes: z.number().int().nonnegative(),
    }),
  ),
});

export type ClipChange =
  | { ok: true; state: ClipsState; clip?: ClipFile }
  | { ok: false; status: number; code: ErrorCode; message: string };

export class ClipLibrary {
  readonly dir: string;
  private clips: ClipFile[];

  /** `onChange` hears every change (the relay broadcasts it on the `clips` channel). */
  constructor(
    home: string,
    private readonly onChange: (state: ClipsState) => void = () => {},
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.dir = ownerFolder(join(home, 'clips'));
    this.clips = this.read(warn);
  }

  /**
   * Reads the index again: another server process of a cluster changed the clips of a stream
   * this one writes (they share the data folder).
   */
  reload(): ClipsState {
    this.clips = this.read(this.warn);
    const state = this.state();
    this.onChange(state);
    return state;
  }

  state(): ClipsState {
    return { clips: this.clips.map((clip) => ({ ...clip })) };
  }

  /** The path of a stored clip by its id, or null. */
  filePath(id: string): string | null {
    if (!CLIP_ID.test(id) || !this.clips.some((clip) => clip.id === id)) return null;
    const path = join(this.dir, id);
    return existsSync(path) ? path : null;
  }

  /** Stores an upload after checking its size and, by content, its type. */
  put(bytes: Uint8Array, name: string): ClipChange {
    if (bytes.length > CLIP_LIMITS.maxBytes) {
      return {
        ok: false,
        status: 413,
        code: 'TOO_LARGE',
        message: `a clip is at most ${CLIP_LIMITS.maxBytes} bytes; this one is ${bytes.length}`,
      };
    }
    const video = sniffVideo(bytes);
    if (!video) {
      return {
        ok: false,
        status: 415,
        code: 'BAD_PAYLOAD',
        message: 'not a clip this can play: upload MP4 or WebM',
      };
    }
    const id = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${video.extension}`;
    const known = this.clips.find((clip) => clip.id === id);
    if (!known && this.clips.length >= CLIP_LIMITS.clips) {
      return {
        ok: false,
        status: 409,
        code: 'CONFLICT',
        message: `at most ${CLIP_LIMITS.clips} clips; remove one first`,
      };
    }
    const path = join(this.dir, id);
    if (!existsSync(path)) writeAtomically(path, bytes);
    const clip: ClipFile = {
      id,
      name: displayName(name, 'clip'),
      type: video.type,
      bytes: bytes.length,
    };
    this.clips = [...this.clips.filter((c) => c.id !== id), clip];
    return { ...this.commit(), clip };
  }

  remove(id: string): ClipChange {
    if (!this.clips.some((clip) => clip.id === id)) {
      return { ok: false, status: 404, code: 'NOT_FOUND', message: `no clip ${id}` };
    }
    this.clips = this.clips.filter((clip) => clip.id !== id);
    rmSync(join(this.dir, id), { force: true });
    return this.commit();
  }

  private commit(): { ok: true; state: ClipsState } {
    const index = { version: 1, clips: this.clips };
    writeAtomically(
      join(this.dir, 'clips.json'),
      Buffer.from(`${JSON.stringify(index, null, 2)}\n`),
    );
    const state = this.state();
    this.onChange(state);
    return { ok: true, state };
  }

  /** The saved index; a damaged one starts empty (with a warning), files left where they are. */
  private read(warn: (message: string) => void): ClipFile[] {
    const path = join(this.dir, 'clips.json');
    if (!existsSync(path)) return [];
    try {
      const parsed = indexSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success)
        return parsed.data.clips.filter((clip) => existsSync(join(this.dir, clip.id)));
      warn(`${path} is not a valid clip index (${parsed.error.message}); starting with none`);
    } catch (error) {
      warn(`${path} could not be read (${String(error)}); starting with none`);
    }
    return [];
  }
}
