import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dirs';
import { type UploadKind, UploadShelf } from './upload-shelf';

const tempDir = useTempDirs();

/** A kind whose files start with "NOTE" (the rest is the content). */
const notes: UploadKind = {
  noun: 'note',
  maxBytes: 16,
  maxFiles: 2,
  id: /^[0-9a-f]{32}\.txt$/,
  sniff: (bytes) =>
    Buffer.from(bytes).subarray(0, 4).toString() === 'NOTE'
      ? { extension: 'txt', type: 'text/plain' }
      : null,
  unplayable: 'not a note: start it with NOTE',
};
const note = (text: string) => new Uint8Array(Buffer.from(`NOTE${text}`));

describe('UploadShelf', () => {
  it('stores by content, refuses by size, type and count, and names each refusal', () => {
    const shelf = new UploadShelf(tempDir('shelf-'), notes);
    const first = shelf.put(note('one'), 'dir/first.txt');
    if (!first.ok) throw new Error(first.message);
    expect(first.file).toMatchObject({ name: 'first.txt', type: 'text/plain', bytes: 7 });
    expect(shelf.put(note('one'), 'again.txt')).toMatchObject({ ok: true }); // same bytes, one file
    expect(readdirSync(shelf.dir)).toHaveLength(1);
    expect(shelf.put(note('two'), '')).toMatchObject({ ok: true, file: { name: 'note' } });
    expect(shelf.put(note('three'), 'c')).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(shelf.put(note('x'.repeat(20)), 'd')).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    expect(shelf.put(new Uint8Array([1, 2]), 'e')).toEqual({
      ok: false,
      status: 415,
      code: 'BAD_PAYLOAD',
      message: 'not a note: start it with NOTE',
    });
    expect(shelf.remove('0'.repeat(32))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(shelf.remove(first.file.id)).toEqual({ ok: true });
    expect(existsSync(join(shelf.dir, first.file.id))).toBe(false);
    expect(shelf.filePath(first.file.id)).toBeNull();
    expect(shelf.files).toHaveLength(1);
  });

  it('restores a saved list without the entries whose file is gone', () => {
    const dir = tempDir('shelf-');
    const shelf = new UploadShelf(dir, notes);
    const kept = shelf.put(note('kept'), 'kept');
    const lost = shelf.put(note('lost'), 'lost');
    if (!kept.ok || !lost.ok) throw new Error('not stored');
    rmSync(join(dir, lost.file.id));
    const again = new UploadShelf(dir, notes);
    again.restore([kept.file, lost.file]);
    expect(again.files).toEqual([kept.file]);
    expect(again.filePath(kept.file.id)).toBe(join(dir, kept.file.id));
    expect(again.filePath('../kept')).toBeNull();
  });
});
