/**
 * OBS 28–30 run overlays in Chromium 103. Tests here run in a far newer Chromium, so this check
 * builds the pages and proves the bundles (our code, Pixi and socket.io-client) parse as
 * ES2022 — all of which Chromium 103 supports — and call none of the newer built-ins.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'acorn';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_PAGES } from './vite.config';

/** Built-ins newer than Chromium 103, with the version that brought them. */
const TOO_NEW: Array<[pattern: RegExp, since: string]> = [
  [/\.toSorted\(|\.toReversed\(|\.toSpliced\(/, 'Chrome 110'],
  [/\.isWellFormed\(|\.toWellFormed\(/, 'Chrome 111'],
  [/Object\.groupBy|Map\.groupBy/, 'Chrome 117'],
  [/Promise\.withResolvers/, 'Chrome 119'],
  [/Array\.fromAsync/, 'Chrome 121'],
  [
    /\.(union|intersection|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(/,
    'Chrome 122 (Set methods)',
  ],
  [/Iterator\.from\(/, 'Chrome 122'],
  [/Promise\.try\(/, 'Chrome 128'],
];

const outDir = mkdtempSync(join(tmpdir(), 'limelight-overlays-'));
let bundles: Array<{ file: string; code: string }> = [];

beforeAll(async () => {
  await build({
    configFile: resolve(import.meta.dirname, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  const assets = join(outDir, 'assets');
  bundles = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, code: readFileSync(join(assets, file), 'utf8') }));
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('overlay bundles for OBS Chromium 103', () => {
  it('builds one page per overlay', () => {
    const pages = readdirSync(outDir).filter((file) => file.endsWith('.html'));
    expect(pages.sort()).toEqual(OVERLAY_PAGES.map((page) => `${page}.html`).sort());
    expect(bundles.length).toBeGreaterThan(0);
  });

  it('makes every page from the one shell page.html, each with its title and its own entry', () => {
    const sources = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.html'));
    expect(sources).toEqual(['page.html']);
    for (const page of OVERLAY_PAGES) {
      const html = readFileSync(join(outDir, `${page}.html`), 'utf8');
      expect(html).toContain(
        `<title>Limelight · ${page[0]?.toUpperCase()}${page.slice(1)}</title>`,
      );
      expect(html).toMatch(
        new RegExp(`<script type="module" crossorigin src="\\./assets/${page}-[\\w-]+\\.js">`),
      );
      expect(html).not.toContain('%PAGE');
    }
  });

  it('parses at ES2022, the language level Chromium 103 runs', () => {
    for (const { file, code } of bundles) {
      expect(() => parse(code, { ecmaVersion: 2022, sourceType: 'module' }), file).not.toThrow();
    }
  });

  it('calls no built-in newer than Chromium 103', () => {
    const found = bundles.flatMap(({ file, code }) =>
      TOO_NEW.filter(([pattern]) => pattern.test(code)).map(([, since]) => `${file}: ${since}`),
    );
    expect(found).toEqual([]);
  });
});

describe('overlay bundles carry what the pages use', () => {
  it('bundles zod/mini, never the full zod: pages parse the wire with the protocol schemas', () => {
    // Full zod's schemas are named `ZodObject`, zod/mini's `ZodMiniObject` (both on `$ZodObject`).
    const fullZod = bundles.filter(({ code }) => /(?<![$\w])ZodObject(?!\w)/.test(code));
    expect(fullZod.map((b) => b.file)).toEqual([]);
    expect(bundles.some(({ code }) => code.includes('ZodMiniObject'))).toBe(true);
  });
});
