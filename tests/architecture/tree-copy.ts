/**
 * A throwaway copy of the four parts, tests/ and their configs, with the repository's node_modules linked
 * in, so a test can plant a bad import or a forbidden global and run the real check on it without
 * touching the working tree.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
/** The four parts, and tests/ since unit tests beside the code import its helpers. */
const FOLDERS = ['shared', 'overlay-server', 'overlays', 'extension', 'tests'];
const CONFIGS = ['.dependency-cruiser.cjs', 'tsconfig.base.json', 'tsconfig.json', 'package.json'];
const SKIPPED = /(^|\/)(node_modules|\.output|dist)(\/|$)/;

export interface TreeCopy {
  root: string;
  /** Runs `work` with `text` appended to (or written as) `file`, then puts the file back. */
  planted<T>(file: string, text: string, work: () => T): T;
  remove(): void;
}

export function copyTree(): TreeCopy {
  const root = mkdtempSync(join(tmpdir(), 'limelight-tree-'));
  for (const folder of FOLDERS) {
    cpSync(join(REPO, folder), join(root, folder), {
      recursive: true,
      filter: (source) => !SKIPPED.test(source.slice(REPO.length)),
    });
  }
  for (const file of CONFIGS) cpSync(join(REPO, file), join(root, file));
  // WXT's generated typings, which the extension's projects include.
  cpSync(join(REPO, '.wxt'), join(root, '.wxt'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  return {
    root,
    planted(file, text, work) {
      const path = join(root, file);
      let before: string | null = null;
      try {
        before = readFileSync(path, 'utf8');
      } catch {
        before = null;
      }
      writeFileSync(path, `${before ?? ''}\n${text}\n`);
      try {
        return work();
      } finally {
        if (before === null) unlinkSync(path);
        else writeFileSync(path, before);
      }
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs a tool from the repository's node_modules/.bin in `cwd`; never throws. */
export function runBin(
  cwd: string,
  bin: string,
  args: string[],
): { status: number | null; output: string } {
  const result = spawnSync(join(REPO, 'node_modules', '.bin', bin), args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
