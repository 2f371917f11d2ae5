/**
 * Builds the OBS overlay pages: one HTML per overlay into dist/overlays/, served by the overlay
 * server at /overlays/<page>.html. Every page is the one shell page.html with its own title and
 * entry (entries/<page>.ts), made here rather than kept as ten copies. Relative asset paths (`base: './'`) keep the pages working
 * under that prefix; the target is the Chromium in OBS's browser source (103 for OBS 28–30).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { OVERLAY_PAGES } from '../shared/protocol/overlay-pages.ts';

/** Every overlay page; each is built as `<name>.html` from page.html. */
export { OVERLAY_PAGES };

/** OBS 28–30 ship Chromium 103 (docs/targets.md, "Where overlays run"). */
export const OBS_BROWSER_TARGET = 'chrome103';

const here = import.meta.dirname;

/** Bundled fonts and sounds whose license travels with the built pages (docs/bundled-assets.md). */
const BUNDLED_LICENSES: Record<string, string> = {
  'inter.txt': '@fontsource-variable/inter/LICENSE',
  'noto-sans-jp.txt': '@fontsource-variable/noto-sans-jp/LICENSE',
  'noto-sans-sc.txt': '@fontsource-variable/noto-sans-sc/LICENSE',
  'noto-sans-kr.txt': '@fontsource-variable/noto-sans-kr/LICENSE',
  'twemoji-colr-font.txt': 'twemoji-colr-font/LICENSE',
  'sounds.txt': resolve(here, 'assets/sounds/LICENSE'),
};

/** Copies each bundled asset's license into `dist/overlays/licenses/`, beside the files served. */
function bundledLicenses(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'limelight-bundled-licenses',
    generateBundle() {
      for (const [fileName, source] of Object.entries(BUNDLED_LICENSES)) {
        this.emitFile({
          type: 'asset',
          fileName: `licenses/${fileName}`,
          source: readFileSync(require.resolve(source), 'utf8'),
        });
      }
    },
  };
}

const pagePath = (page: string) => resolve(here, `${page}.html`);

/** The page `id` (an absolute `<page>.html` path beside this file) names, if any. */
const pageOf = (id: string) => OVERLAY_PAGES.find((page) => pagePath(page) === id);

/** Each overlay page's HTML: the shell page.html with the page's title and entry filled in. */
function overlayPageShells(): Plugin {
  const shell = readFileSync(resolve(here, 'page.html'), 'utf8');
  return {
    name: 'limelight-overlay-page-shells',
    enforce: 'pre',
    resolveId: (id) => (pageOf(id) ? id : null),
    load(id) {
      const page = pageOf(id);
      if (!page) return null;
      const title = `${page[0]?.toUpperCase()}${page.slice(1)}`;
      return shell.replaceAll('%PAGE_TITLE%', title).replaceAll('%PAGE%', page);
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [overlayPageShells(), bundledLicenses()],
  build: {
    target: OBS_BROWSER_TARGET,
    outDir: resolve(here, '../dist/overlays'),
    emptyOutDir: true,
    // Pixi is large; one shared chunk is fine for a local page.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: Object.fromEntries(OVERLAY_PAGES.map((page) => [page, pagePath(page)])),
    },
  },
});
