/**
 * Playwright fixture for the side panel: a real server (`overlay-server/cli/start.ts`, port 0,
 * temp LIMELIGHT_HOME, no built-in source) and Debian's Chromium with the built extension loaded
 * unpacked. The panel opens as a page at `chrome-extension://<id>/sidepanel.html` (the real side
 * panel needs a user gesture). Events reach the server through a real `/ingest` client.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs, no type declarations
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';
import type { LiveEvent } from '../../../shared/events/live-event';
import type { Ack } from '../../../shared/protocol/ack';
import type { IngestBatchResult } from '../../../shared/protocol/namespaces';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { type ServerProcess, spawnServer } from '../../integration/support/server-process';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface IngestClient {
  send(events: LiveEvent[]): Promise<IngestBatchResult>;
}

interface Fixtures {
  /** The server's LIMELIGHT_HOME (tokens, journals), kept across a restart within a test. */
  serverHome: string;
  server: ServerProcess;
  extensionContext: BrowserContext;
  extensionId: string;
  ingest: IngestClient;
  /** Opens a fresh side panel page. */
  openPanel: () => Promise<Page>;
  /** Opens a fresh side panel page and pairs it with the server as `role` (connected on return). */
  openPairedPanel: (role: 'owner' | 'moderator') => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  serverHome: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'limelight-e2e-home-'));
    await use(home);
    rmSync(home, { recursive: true, force: true });
  },

  server: async ({ serverHome }, use) => {
    const server = await spawnServer(serverHome, ['--no-source']);
    await use(server);
    server.child.kill('SIGTERM');
    await server.exited;
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  extensionContext: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'limelight-e2e-profile-'));
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    // A private copy: a rebuild during the run (wxt empties .output) cannot pull files away
    // from under the loaded extension. The manifest key keeps the id the same.
    const extensionDir = join(profile, 'extension');
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
      executablePath: findChromium(),
      headless: true,
      acceptDownloads: true,
      args: [
        ...(CHROMIUM_ARGS as string[]),
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },

  extensionId: async ({ extensionContext }, use) => {
    const worker =
      extensionContext.serviceWorkers()[0] ??
      (await extensionContext.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },

  openPanel: async ({ extensionContext, extensionId }, use) => {
    await use(async () => {
      const page = await extensionContext.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    });
  },

  openPairedPanel: async ({ openPanel, server }, use) => {
    await use(async (role) => {
      const page = await openPanel();
      await pair(page, pairingLink(server, role));
      return page;
    });
  },

  ingest: async ({ server }, use) => {
    const socket: Socket = io(`${server.baseUrl}/ingest`, {
      auth: {
        token: server.tokens.ingest,
        protocolVersion: PROTOCOL_VERSION,
        client: 'e2e:ingest',
      },
      transports: ['websocket'],
    });
    await new Promise<void>((done, failed) => {
      socket.once('connect', () => done());
      socket.once('connect_error', failed);
    });
    await use({
      async send(events) {
        const ack = (await socket.emitWithAck('events', events)) as Ack<IngestBatchResult>;
        if (!ack.ok) throw new Error(`ingest refused: ${ack.code} ${ack.message}`);
        return ack.data;
      },
    });
    socket.disconnect();
  },
});

export { expect };

/** A Lion worth 29,999 coins (a non-streaking gift: committed on arrival), the panel tests' big gift. */
export const LION = { name: 'Lion', coins: 29_999, type: 2, id: 6369 } as const;

export function pairingLink(server: ServerProcess, role: 'owner' | 'moderator'): string {
  return `${server.baseUrl}/pair?token=${encodeURIComponent(server.tokens[role])}`;
}

/** Pastes the pairing link and waits until the panel is connected. */
export async function pair(page: Page, link: string): Promise<void> {
  await page.getByTestId('pairing-input').fill(link);
  await page.getByTestId('pairing-submit').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-status', 'connected');
}
