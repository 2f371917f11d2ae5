/**
 * Comments and docs point only at what a reader of the repository can open: every `*.md` they
 * name exists in the tree, and none cites an issue number (what matters is said in the code or
 * in docs/ instead).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './tree-copy';

const TEXT_FILES = /\.(ts|tsx|mjs|cjs|md|html|css)$/;
/** Generated run results quote whatever their run printed; they are not read as docs. */
const GENERATED = /^bench\/results\//;

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' })
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

  it('cite no issue numbers', () => {
    const citing = files.flatMap((file) => {
      const text = readFileSync(join(REPO, file), 'utf8');
      return [...text.matchAll(/\bissues? #?\d+\b|\(#\d+\)/gi)].map((m) => `${file}: ${m[0]}`);
    });
    expect(citing).toEqual([]);
  });
});
