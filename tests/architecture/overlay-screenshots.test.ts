/**
 * The README's overlay section shows a picture of every overlay page: each page of
 * shared/protocol/overlay-pages.ts has its committed `docs/screenshots/<page>.png` (960×540, as
 * tests/e2e/overlay-screenshots.spec.ts takes them), the README shows it, and no picture is left
 * of a page that is gone. `npm run screenshots` takes them again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import { REPO } from './tree-copy';

const FOLDER = join(REPO, 'docs', 'screenshots');
const PNG_SIGNATURE = '89504e470d0a1a0a';

describe('overlay screenshots', () => {
  it('one committed 960×540 PNG per overlay page, and none for a page that is gone', () => {
    const missing = OVERLAY_PAGES.filter((page) => !existsSync(join(FOLDER, `${page}.png`)));
    expect(missing, 'pages without a picture: run npm run screenshots').toEqual([]);
    const stale = readdirSync(FOLDER).filter(
      (file) => !OVERLAY_PAGES.some((page) => file === `${page}.png`),
    );
    expect(stale, 'pictures of no overlay page').toEqual([]);
    for (const page of OVERLAY_PAGES) {
      const png = readFileSync(join(FOLDER, `${page}.png`));
      expect(png.subarray(0, 8).toString('hex'), `${page}.png is a PNG`).toBe(PNG_SIGNATURE);
      const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
      expect(size, `${page}.png size`).toEqual({ width: 960, height: 540 });
      // A picture this size stays small; a full-size or uncompressed one would bloat the repo.
      expect(png.length, `${page}.png bytes`).toBeLessThan(150_000);
    }
  });

  it('the README shows each picture with its page name and says how to take them again', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const unshown = OVERLAY_PAGES.filter(
      (page) => !readme.includes(`![${page}](docs/screenshots/${page}.png)`),
    );
    expect(unshown).toEqual([]);
    expect(readme).toContain('npm run screenshots');
  });
});
