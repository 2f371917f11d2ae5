/**
 * What the owner's uploaded files (clips, sounds) share on disk: their folder under the stream's
 * config folder (0700, files 0600), files written whole or not at all, the index that lists them,
 * and the uploaded name as the panel shows it.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';

/** An uploaded file's name as the panel shows it: no folders, no control characters. */
export function displayName(name: string, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 120) || fallback;
}

/** Owner-only file (0600), written whole or not at all. */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes, { mode: 0o600 });
  renameSync(temp, path);
}

/** The owner-only folder (0700) uploads of one kind are kept in. */
export function ownerFolder(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  return path;
}

/** Saves an index (pretty JSON), whole or not at all. */
export function saveIndex(path: string, index: unknown): void {
  writeAtomically(path, Buffer.from(`${JSON.stringify(index, null, 2)}\n`));
}

/**
 * A saved index, or null when there is none; a damaged one is null too, with a warning naming
 * what (`noun`) starts empty (the files are left where they are).
 */
export function loadIndex<T>(
  path: string,
  schema: z.ZodType<T>,
  noun: string,
  warn: (message: string) => void,
): T | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
    warn(`${path} is not a valid ${noun} index (${parsed.error.message}); starting with none`);
  } catch (error) {
    warn(`${path} could not be read (${String(error)}); starting with none`);
  }
  return null;
}
