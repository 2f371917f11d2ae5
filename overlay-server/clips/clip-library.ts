/**
 * The owner's video clips for actions, kept in the config folder (`<home>/clips/`: folder 0700,
 * files 0600, like the sounds). A clip is named by a hash of its content and its type's
 * extension; that name is its id, what rules name and overlays fetch. Uploads are checked for
 * size and, by their bytes, for type (`uploads/upload-shelf.ts`); removing a clip deletes its file
 * (a rule that still names it says so in the panel, and its action fails on its own at run time).
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { ClipFile, ClipsState } from '../../shared/protocol/actions/actions-data';
import { loadIndex, ownerFolder, saveIndex } from '../uploads/owner-files';
import { type UploadRefusal, UploadShelf, uploadedFileSchema } from '../uploads/upload-shelf';
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
  clips: z.array(uploadedFileSchema(CLIP_ID, ['video/mp4', 'video/webm'])),
});

export type ClipChange = { ok: true; state: ClipsState; clip?: ClipFile } | UploadRefusal;

export class ClipLibrary {
  readonly dir: string;
  private readonly shelf: UploadShelf;

  /** `onChange` hears every change (the relay broadcasts it on the `clips` channel). */
  constructor(
    home: string,
    private readonly onChange: (state: ClipsState) => void = () => {},
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.dir = ownerFolder(join(home, 'clips'));
    this.shelf = new UploadShelf(this.dir, {
      noun: 'clip',
      maxBytes: CLIP_LIMITS.maxBytes,
      maxFiles: CLIP_LIMITS.clips,
      id: CLIP_ID,
      sniff: sniffVideo,
      unplayable: 'not a clip this can play: upload MP4 or WebM',
    });
    this.read();
  }

  /**
   * Reads the index again: another server process of a cluster changed the clips of a stream
   * this one writes (they share the data folder).
   */
  reload(): ClipsState {
    this.read();
    const state = this.state();
    this.onChange(state);
    return state;
  }

  state(): ClipsState {
    return { clips: this.shelf.files.map((clip) => ({ ...clip })) };
  }

  /** The path of a stored clip by its id, or null. */
  filePath(id: string): string | null {
    return this.shelf.filePath(id);
  }

  /** Stores an upload after checking its size and, by content, its type. */
  put(bytes: Uint8Array, name: string): ClipChange {
    const stored = this.shelf.put(bytes, name);
    return stored.ok ? { ...this.commit(), clip: stored.file } : stored;
  }

  remove(id: string): ClipChange {
    const removed = this.shelf.remove(id);
    return removed.ok ? this.commit() : removed;
  }

  private commit(): { ok: true; state: ClipsState } {
    saveIndex(join(this.dir, 'clips.json'), { version: 1, clips: this.shelf.files });
    const state = this.state();
    this.onChange(state);
    return { ok: true, state };
  }

  /** The saved index; a damaged one starts empty (with a warning), files left where they are. */
  private read(): void {
    const index = loadIndex(join(this.dir, 'clips.json'), indexSchema, 'clip', this.warn);
    this.shelf.restore(index?.clips ?? []);
  }
}
