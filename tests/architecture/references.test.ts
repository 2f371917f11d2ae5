/**
 * Comments and docs point only at what a reader of the repository can open: every `*.md` they
 * name exists in the tree, every source file a code comment names exists, and none cites an
 * issue number (what matters is said in the code or in docs/ instead).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import { REPO } from './tree-copy';

const TEXT_FILES = /\.(ts|tsx|mjs|cjs|md|html|css)$/;
/** Generated run results quote whatever their run printed; they are not read as docs. */
const GENERATED = /^bench\/results\//;

/** Code files, whose comments are read for the source files they name. */
const CODE_FILES = /\.(ts|tsx|mjs|cjs|css|html)$/;

/** Source files (by path or bare name) that the comments of `text` name. */
function sourceFilesNamedInComments(text: string): string[] {
  const comments = text.match(/\/\*[\s\S]*?\*\/|(?<![:'"`\w\\])\/\/[^\n]*/g) ?? [];
  return comments.flatMap((comment) =>
    [
      ...comment.matchAll(
        /(?<![\w/.@:-])((?:\.\.?\/)*[\w.-]+(?:\/[\w.-]+)*\.(?:ts|tsx|mjs|cjs|css|html))\b/g,
      ),
    ].map((m) => m[1] ?? ''),
  );
}

/**
 * Whether `named`, written in `file`, is a file of the repository: a path from the root, from
 * the file's folder or any folder above it (a path within its part), or a bare name some file
 * of the tree has.
 */
function existsNear(file: string, named: string, names: Set<string>): boolean {
  if (!named.includes('/')) return names.has(named);
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (existsSync(join(REPO, folder, named))) return true;
    if (folder === '.' || folder === '') return existsSync(join(REPO, named));
  }
}

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => TEXT_FILES.test(file) && !GENERATED.test(file));
}

describe('references in comments and docs', () => {
  const files = trackedTextFiles();

  it('name only Markdown files that exist in the repository', () => {
    const dangling: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(REPO, file), 'utf8');
      for (const match of text.matchAll(/(?<![\w/.-])((?:\.\.?\/)*[\w./-]*[\w-]+\.md)\b/g)) {
        const named = match[1] ?? '';
        if (named.startsWith('http') || named.includes('://')) continue;
        const candidates = [join(REPO, named), join(REPO, dirname(file), named)];
        if (!candidates.some((path) => existsSync(path))) dangling.push(`${file}: ${named}`);
      }
    }
    expect(files.length).toBeGreaterThan(400);
    expect(dangling).toEqual([]);
  });

  it('name in code comments only source files that exist in the repository', () => {
    // The overlay pages are built from one shell (overlays/page.html) under their own names.
    const built = OVERLAY_PAGES.map((page) => `${page}.html`);
    const names = new Set([...files.map((file) => basename(file)), ...built]);
    const dangling = files
      .filter((file) => CODE_FILES.test(file))
      .flatMap((file) =>
        sourceFilesNamedInComments(readFileSync(join(REPO, file), 'utf8'))
          .filter((named) => !existsNear(file, named, names))
          .map((named) => `${file}: ${named}`),
      );
    expect(dangling).toEqual([]);
  });

  it('would see a comment naming a file that is gone', () => {
    const names = new Set(files.map((file) => basename(file)));
    // Built from pieces, so this file's own text holds no such comment.
    const planted = `/${'**'} Leases come from stream-lease.ts (see journal/fences.ts). *${'/'}`;
    const named = sourceFilesNamedInComments(planted);
    expect(named).toEqual(['stream-lease.ts', 'journal/fences.ts']);
    const file = 'overlay-server/cluster/cluster-directory.ts';
    expect(named.filter((name) => !existsNear(file, name, names))).toEqual(named);
    expect(existsNear(file, 'stream-leases.ts', names)).toBe(true);
    expect(existsNear(file, 'journal/fence.ts', names)).toBe(true);
    // Strings and URLs are not comments.
    expect(sourceFilesNamedInComments("const url = 'https://x.test/a.ts'; // ok")).toEqual([]);
  });

  it('cite no issue numbers', () => {
    const citing = files.flatMap((file) => {
      const text = readFileSync(join(REPO, file), 'utf8');
      return [...text.matchAll(/\bissues? #?\d+\b|\(#\d+\)/gi)].map((m) => `${file}: ${m[0]}`);
    });
    expect(citing).toEqual([]);
  });
});
