/**
 * The import rules of .dependency-cruiser.cjs hold on the tree, and each one fails when a bad
 * import is planted in a temporary copy: overlays/ or extension/ importing overlay-server/,
 * shared/ importing anything but its own files and zod, an import circle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTree, REPO, runBin, type TreeCopy } from './tree-copy';

interface Violation {
  rule: string;
  from: string;
  to: string;
}

const PARTS = ['shared', 'overlay-server', 'overlays', 'extension'];

function importViolations(root: string, folders = PARTS): Violation[] {
  const { output } = runBin(root, 'depcruise', [
    ...folders,
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'json',
  ]);
  const result = JSON.parse(output) as {
    summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
  };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

// Each case runs dependency-cruiser over a part: seconds on a quiet machine, more on a busy one.
describe('import rules', { timeout: 120_000 }, () => {
  let tree: TreeCopy;
  beforeAll(() => {
    tree = copyTree();
  });
  afterAll(() => tree?.remove());

  it('hold on the repository as it is, tests, bench and scripts included', () => {
    expect(importViolations(REPO, [...PARTS, 'tests', 'bench', 'scripts'])).toEqual([]);
  });

  it('refuse an overlay that imports overlay-server/', () => {
    const violations = tree.planted(
      'overlays/stage/connection.ts',
      "export type { Relay as Planted } from '../../overlay-server/pipeline/relay';",
      () => importViolations(tree.root, ['overlays']),
    );
    expect(violations).toContainEqual({
      rule: 'overlays-use-shared-only',
      from: 'overlays/stage/connection.ts',
      to: 'overlay-server/pipeline/relay.ts',
    });
  });

  it('refuse the extension importing overlay-server/', () => {
    const violations = tree.planted(
      'extension/transport/socket-transport.ts',
      "import { LIMITS as PLANTED } from '../../overlay-server/pipeline/limits';\nexport const planted = PLANTED;",
      () => importViolations(tree.root, ['extension']),
    );
    expect(violations).toContainEqual({
      rule: 'extension-uses-shared-only',
      from: 'extension/transport/socket-transport.ts',
      to: 'overlay-server/pipeline/limits.ts',
    });
  });

  it.each([
    ['Node', "import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;", 'fs'],
    [
      'a browser library',
      "export { Container as Planted } from 'pixi.js';",
      'node_modules/pixi.js/',
    ],
    [
      'the server',
      "export type { Relay as Planted } from '../../overlay-server/pipeline/relay';",
      'overlay-server/pipeline/relay.ts',
    ],
    [
      'an overlay',
      "export { parseParams as planted } from '../../overlays/stage/params';",
      'overlays/stage/params.ts',
    ],
  ])('refuse shared/ importing %s', (_what, line, target) => {
    const violations = tree.planted('shared/engines/live-room.ts', line, () =>
      importViolations(tree.root, ['shared']),
    );
    const pure = violations.filter((v) => v.rule === 'shared-is-pure');
    expect(pure).toHaveLength(1);
    expect(pure[0]?.from).toBe('shared/engines/live-room.ts');
    expect(pure[0]?.to.startsWith(target), pure[0]?.to).toBe(true);
  });

  it('refuse an import circle', () => {
    // Every event module imports base.ts; base.ts re-exporting live-event.ts closes a circle.
    const violations = tree.planted(
      'shared/events/base.ts',
      "export type { LiveEvent as Planted } from './live-event';",
      () => importViolations(tree.root, ['shared']),
    );
    expect(
      violations.some((v) => v.rule === 'no-circular' && v.from === 'shared/events/base.ts'),
    ).toBe(true);
  });

  it('refuse a module that nothing in the product imports (an unused index, a test helper)', () => {
    const violations = tree.planted(
      'overlay-server/sources/index.ts',
      "export * from './recording';",
      () => importViolations(tree.root),
    );
    expect(violations).toEqual([
      {
        rule: 'reachable-from-an-entry-point',
        from: 'overlay-server/sources/index.ts',
        to: 'overlay-server/sources/index.ts',
      },
    ]);
  });
});
