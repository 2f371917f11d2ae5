/**
 * Each part is type-checked on its own terms (scripts/typecheck.mjs): shared/ knows only the
 * language, the server Node and no DOM, overlays and the extension the DOM and no Node. A planted
 * use of the wrong platform in a temporary copy must fail its project's check, and every source
 * file must belong to some project.
 */
import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script, no type declarations
import { PROJECTS } from '../../scripts/typecheck.mjs';
import { copyTree, REPO, runBin, type TreeCopy } from './tree-copy';

const checkProject = (root: string, project: string) =>
  runBin(root, 'tsc', ['--noEmit', '--pretty', 'false', '-p', project]);

// Each case runs the TypeScript compiler: seconds on a quiet machine, more on a busy one.
describe('per-part TypeScript projects', { timeout: 120_000 }, () => {
  let tree: TreeCopy;
  beforeAll(() => {
    tree = copyTree();
  });
  afterAll(() => tree?.remove());

  it.each([
    ['shared', 'process', 'shared/tsconfig.json', 'export const planted = process.env;'],
    ['shared', 'window', 'shared/tsconfig.json', 'export const planted = window.location;'],
    [
      'overlay-server',
      'document',
      'overlay-server/tsconfig.json',
      'export const planted = document.title;',
    ],
    ['overlays', 'process', 'overlays/tsconfig.json', 'export const planted = process.argv;'],
    ['extension', 'Buffer', 'extension/tsconfig.json', "export const planted = Buffer.from('x');"],
  ])('%s refuses %s', (part, name, project, line) => {
    const file = `${part}/planted-global.ts`;
    const { status, output } = tree.planted(file, line, () => checkProject(tree.root, project));
    expect(status).not.toBe(0);
    expect(output).toContain(`${file}(`);
    expect(output).toContain(`'${name}'`);
  });

  it('checks every source file of the four parts in some project', () => {
    const checked = new Set<string>();
    for (const [project] of PROJECTS as Array<[string, string]>) {
      const { output } = runBin(REPO, 'tsc', ['--listFilesOnly', '-p', project]);
      for (const line of output.split('\n')) {
        const file = relative(REPO, line.trim());
        if (file && !file.startsWith('node_modules') && !file.startsWith('..')) checked.add(file);
      }
    }
    const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], {
      cwd: REPO,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) =>
        /^(shared|overlay-server|overlays|extension|tests|bench|scripts)\//.test(file),
      );
    expect(sources.length).toBeGreaterThan(300);
    expect(sources.filter((file) => !checked.has(file))).toEqual([]);
  });
});
