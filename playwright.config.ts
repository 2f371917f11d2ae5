import { defineConfig } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs, no type declarations
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

// Browser tests run in Debian's Chromium (Playwright cannot download its own here). `npm test`
// provisions it first; see scripts/chromium.mjs. Builds (extension, overlays) come from `npm run build`.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 720 },
  },
});
