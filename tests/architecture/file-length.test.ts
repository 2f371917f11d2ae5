/**
 * Production files stay small: none is over 300 lines unless a comment near its top says why,
 * in the words `over 300 lines because: <the reason>`. Tests, their helpers and generated bench
 * results are not production files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './tree-copy';

const MAX_LINES = 300;
/** The folders production code lives in (the four parts, the scripts and the bench). */
const PRODUCTION = ['shared', 'overlay-server', 'overlays', 'extension', 'scripts', 'bench'];
const CODE = /\.(ts|tsx|mts|mjs|cjs|js|css|html)$/;
const NOT_PRODUCTION = /(\.test\.tsx?|\.spec\.ts)$|^bench\/results\//;
/** The reason must stand in the file's first lines, where a reader opening it sees it. */
const MARKER = /over 300 lines because: *(\S.{15,})/;
const MARKER_WITHIN_LINES = 20;

/** Why `text` (the file `file`) breaks the rule, or null when it keeps it. */
function lengthProblem(file: string, text: string): string | null {
  const lines = text.split('\n');
  const count = text.endsWith('\n') ? lines.length - 1 : lines.length;
  if (count <= MAX_LINES) return null;
  const head = lines.slice(0, MARKER_WITHIN_LINES).join('\n');
  if (MARKER.test(head)) return null;
  return `${file}: ${count} lines, and no "over 300 lines because: …" comment at its top`;
}

function productionFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...PRODUCTION],
    { cwd: REPO, encoding: 'utf8' },
  );
  return [...new Set(listed.split('\n'))].filter(
    (file) => CODE.test(file) && !NOT_PRODUCTION.test(file),
  );
}

const numbered = (count: number) =>
  Array.from({ length: count }, (_, i) => `export const line${i} = ${i};`).join('\n');

describe('production file length', () => {
  it('no production file is over 300 lines without a comment saying why', () => {
    const files = productionFiles();
    expect(files.length).toBeGreaterThan(300);
    const problems = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(REPO, file), 'utf8');
      } catch {
        return []; // deleted in the working tree, not yet in the index
      }
      return lengthProblem(file, text) ?? [];
    });
    expect(problems).toEqual([]);
  });

  it('refuses a long file without the reason, and accepts it with one', () => {
    expect(lengthProblem('short.ts', numbered(300))).toBeNull();
    expect(lengthProblem('long.ts', numbered(301))).toMatch(/^long\.ts: 301 lines/);
    const reasoned = `/**\n * over 300 lines because: one lookup table TikTok defines as a whole\n */\n${numbered(400)}`;
    expect(lengthProblem('table.ts', reasoned)).toBeNull();
    // A marker without a reason, or buried far below the top, does not count.
    expect(lengthProblem('bare.ts', `// over 300 lines because:\n${numbered(400)}`)).not.toBeNull();
    const buried = `${numbered(200)}\n// over 300 lines because: nobody reads this far down\n${numbered(200)}`;
    expect(lengthProblem('buried.ts', buried)).not.toBeNull();
  });
});
