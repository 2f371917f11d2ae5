/**
 * The Firefox build (`.output/firefox-mv3`): Mozilla's own linter (`web-ext lint`, offline) finds
 * no error and only the warnings of library code explained below; and the sidebar page, loaded
 * as a temporary add-on in Debian's Firefox ESR, pairs with a real server and shows live coins.
 * Playwright drives only its own patched Firefox (not downloadable here), so this test drives the
 * stock one over WebDriver BiDi with puppeteer-core. Opening the sidebar itself needs a user
 * gesture, so its page is opened in a tab, as the Chromium tests do with the side panel.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs, no type declarations
import { findFirefox } from '../../scripts/firefox.mjs';
import { FIREFOX_EXTENSION_ID } from '../../shared/extension-id';
import { ROLE_ABILITIES } from '../../shared/protocol/role-abilities';
import { script, viewer } from '../support/engine-events';
import { expect, pairingLink, test } from './support/extension';

const FIREFOX_BUILD = resolve('.output/firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Warnings that come from libraries, each recognised by the code at the reported place. Any
 * other warning fails the test.
 */
const EXPLAINED_WARNINGS: Array<{ code: string; near: RegExp; why: string }> = [
  {
    code: 'DANGEROUS_EVAL',
    near: /Function\(``\)/,
    why: "zod's probe for whether eval is allowed (it falls back to plain parsing)",
  },
  {
    code: 'DANGEROUS_EVAL',
    near: /Function\(`return this`\)/,
    why: "engine.io-client's globalThis fallback for very old engines",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: /\.innerHTML=\w+\.__html/,
    why: "Preact's dangerouslySetInnerHTML support, which Limelight never uses",
  },
];

function codeAt(message: LintMessage): string {
  const lines = readFileSync(join(FIREFOX_BUILD, message.file ?? ''), 'utf8').split('\n');
  const line = lines[(message.line ?? 1) - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 80), column + 80);
}

test('the Firefox build passes web-ext lint with only explained library warnings', () => {
  expect(existsSync(join(FIREFOX_BUILD, 'manifest.json'))).toBe(true);
  const lint = spawnSync(
    process.execPath,
    [
      'node_modules/web-ext/bin/web-ext.js',
      'lint',
      '--source-dir',
      FIREFOX_BUILD,
      '--output',
      'json',
      '--no-config-discovery',
    ],
    { encoding: 'utf8' },
  );
  const result = JSON.parse(lint.stdout) as {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  };
  expect(result.errors).toEqual([]);
  expect(result.notices).toEqual([]);
  for (const warning of result.warnings) {
    const near = codeAt(warning);
    const explained = EXPLAINED_WARNINGS.find((w) => w.code === warning.code && w.near.test(near));
    expect(explained, `${warning.code} in ${warning.file}: ${near}`).toBeDefined();
  }
  // Limelight's own panel code never sets HTML.
  const panelSources = spawnSync('grep', ['-rl', 'dangerouslySetInnerHTML', 'extension'], {
    encoding: 'utf8',
  });
  expect(panelSources.stdout).toBe('');
});

test('the Firefox sidebar pairs with the server, shows the role and live coins', async ({
  server,
  ingest,
}) => {
  const firefox = findFirefox() as string | undefined;
  expect(firefox, 'Firefox for the sidebar test: npm test installs firefox-esr').toBeDefined();
  // A fixed internal UUID for the add-on, so the sidebar page has a known moz-extension:// URL.
  const uuid = '6f4a3b52-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
  const dir = mkdtempSync(join(tmpdir(), 'limelight-firefox-'));
  cpSync(FIREFOX_BUILD, join(dir, 'extension'), { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefox,
    headless: true,
    // Lets WebDriver BiDi open moz-extension:// pages (refused to remote control otherwise).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: uuid }),
    },
  });
  try {
    expect(await browser.installExtension(join(dir, 'extension'))).toBe(FIREFOX_EXTENSION_ID);
    const page = await browser.newPage();
    // The page's load event is not reported for extension pages: wait for the panel instead.
    void page
      .goto(`moz-extension://${uuid}/sidepanel.html`, { waitUntil: 'domcontentloaded' })
      .catch(() => {});
    await page.waitForSelector('[data-testid="connection-state"][data-status="unpaired"]');
    await page.type('[data-testid="pairing-input"]', pairingLink(server, 'owner'));
    await page.click('[data-testid="pairing-submit"]');
    await page.waitForSelector('[data-testid="connection-state"][data-status="connected"]');
    const text = (id: string) =>
      page.$eval(`[data-testid="${id}"]`, (element) => element.textContent ?? '');
    expect(await text('role')).toBe('owner');
    expect(await text('role-abilities')).toBe(ROLE_ABILITIES.owner);

    const s = script(Date.now());
    await ingest.send([
      s.streamStart(),
      s.gift(viewer('ana'), { name: 'Lion', coins: 500, type: 2, count: 1, end: true, id: 6369 }),
    ]);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-coins"]')?.textContent === '500',
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
