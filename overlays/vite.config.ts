/**
 * Builds the OBS overlay pages: one HTML per overlay into dist/overlays/, served by the overlay
 * server at /overlays/<page>.html. Relative asset paths (`base: './'`) keep the pages working
 * under that prefix; the target is the Chromium in OBS's browser source (103 for OBS 28–30).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { OVERLAY_PAGES } from '../shared/protocol/overlay-pages';

/** Every overlay page; each is `<name>.html` beside this file. */
export { OVERLAY_PAGES };

/** OBS 28–30 ship Chromium 103 (docs/targets.md, "Where overlays run"). */
export const OBS_BROWSER_TARGET = 'chrome103';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  build: {
    target: OBS_BROWSER_TARGET,
    outDir: resolve(here, '../dist/overlays'),
    emptyOutDir: true,
    // Pixi is large; one shared chunk is fine for a local page.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: Object.fromEntries(OVERLAY_PAGES.map((page) => [page, resolve(here, `${page}.html`)])),
    },
  },
});
