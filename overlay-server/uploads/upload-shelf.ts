/**
 * The owner's uploaded files of one kind (clips, sounds) in their owner folder: each named by 32
 * hex digits of its content's SHA-256 and its type's extension (that name is the id rules name and
 * overlays fetch), checked for size and, by its bytes, for type, at most `maxFiles` of them. The
 * library owning a shelf saves the shelf's list in its own index file, with whatever else it keeps.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/protocol/ack';
import { displayName, writeAtomically } from './owner-files';

/** One stored upload as the index and the panel list it. */
export interface UploadedFile {
  id: string;
  name: string;
  type: string;
  bytes: number;
}

export interface UploadKind {
  /** "clip", "sound": in messages, and the name of an upload that came without one. */
  noun: string;
  maxBytes: number;
  maxFiles: number;
  /** What a stored file's id matches. */
  id: RegExp;
  /** The upload's type from its first bytes; null when it is nothing this kind can play. */
  sniff(bytes: Uint8Array): { extension: string; type: string } | null;
  /** Why bytes `sniff` does not know are refused: what to upload instead. */
  unplayable: string;
}

export type UploadRefusal = { ok: false; status: number; code: ErrorCode; message: string };

/** An index entry: the id a kind's files have, one of its types. */
export const uploadedFileSchema = (id: RegExp, types: readonly [string, ...string[]]) =>
  z.object({
    id: z.string().regex(id),
    name: z.string().max(200),
    type: z.enum(types),
    bytes: z.number().int().nonnegative(),
  });

export class UploadShelf {
  private list: UploadedFile[] = [];

  constructor(
    readonly dir: string,
    private readonly kind: UploadKind,
  ) {}

  get files(): readonly UploadedFile[] {
    return this.list;
  }

  /** Takes a saved list: the entries whose file is still on disk. */
  restore(files: readonly UploadedFile[]): void {
    this.list = files.filter((file) => existsSync(join(this.dir, file.id)));
  }

  /** The path of a stored file by its id, or null. */
  filePath(id: string): string | null {
    if (!this.kind.id.test(id) || !this.list.some((file) => file.id === id)) return null;
    const path = join(this.dir, id);
    return existsSync(path) ? path : null;
  }

  /** Stores an upload after checking its size and, by content, its type. */
  put(bytes: Uint8Array, name: string): { ok: true; file: UploadedFile } | UploadRefusal {
    const { noun, maxBytes, maxFiles } = this.kind;
    if (bytes.length > maxBytes) {
      const message = `a ${noun} is at most ${maxBytes} bytes; this one is ${bytes.length}`;
      return { ok: false, status: 413, code: 'TOO_LARGE', message };
    }
    const found = this.kind.sniff(bytes);
    if (!found)
      return { ok: false, status: 415, code: 'BAD_PAYLOAD', message: this.kind.unplayable };
    const id = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${found.extension}`;
    if (!this.list.some((file) => file.id === id) && this.list.length >= maxFiles) {
      const message = `at most ${maxFiles} ${noun}s; remove one first`;
      return { ok: false, status: 409, code: 'CONFLICT', message };
    }
    const path = join(this.dir, id);
    if (!existsSync(path)) writeAtomically(path, bytes);
    const file = { id, name: displayName(name, noun), type: found.type, bytes: bytes.length };
    this.list = [...this.list.filter((kept) => kept.id !== id), file];
    return { ok: true, file };
  }

  /** Deletes a stored file and takes it off the list. */
  remove(id: string): { ok: true } | UploadRefusal {
    if (!this.list.some((file) => file.id === id)) {
      return { ok: false, status: 404, code: 'NOT_FOUND', message: `no ${this.kind.noun} ${id}` };
    }
    this.list = this.list.filter((file) => file.id !== id);
    rmSync(join(this.dir, id), { force: true });
    return { ok: true };
  }
}
