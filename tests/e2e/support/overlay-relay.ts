/**
 * Playwright fixtures for the OBS overlays: one real server per worker (the CLI as users run
 * it: port 0, temp LIMELIGHT_HOME, no built-in source), fed through real `/ingest` and
 * `/control` Socket.IO clients, and helpers to open an overlay page and read its scene graph
 * through `window.__limelight`. The server serves the built pages: run `npm run build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { LimelightDebugHook } from '../../../overlays/stage/debug-hook';
import type { LiveEvent } from '../../../shared/events/live-event';
import type { Ack } from '../../../shared/protocol/ack';
import type { Channel, StateSnapshot, UpdateBatch } from '../../../shared/protocol/channels';
import type { IngestBatchResult } from '../../../shared/protocol/namespaces';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import {
  type ServerProcess,
  spawnServer,
  stopServer,
} from '../../integration/support/server-process';

/** A connected client of the relay: sends events and commands, keeps the latest channel states. */
export interface Relay {
  server: ServerProcess;
  /** The server's LIMELIGHT_HOME (its config and tokens file), to issue further tokens. */
  home: string;
  /** Ingests events; throws when any is rejected or dropped as a duplicate id. */
  send(events: LiveEvent[]): Promise<IngestBatchResult>;
  /** Runs a control command as the owner; throws on an error ack. */
  command<T = unknown>(command: Record<string, unknown>): Promise<T>;
  /** The latest state the control client saw on a channel (snapshot plus `.state` updates). */
  latest(channel: Channel): unknown;
  overlayUrl(page: string, query?: Record<string, string>): string;
}

async function connected(socket: Socket): Promise<Socket> {
  await new Promise<void>((done, failed) => {
    socket.once('connect', () => done());
    socket.once('connect_error', failed);
  });
  return socket;
}

/** Connects an ingest client and an owner control client to a running server. */
export async function connectRelay(
  server: ServerProcess,
  home: string,
): Promise<Relay & { close(): void }> {
  const auth = (token: string, client: string) => ({
    auth: { token, protocolVersion: PROTOCOL_VERSION, client },
    transports: ['websocket'],
  });
  const ingest = await connected(
    io(`${server.baseUrl}/ingest`, auth(server.tokens.ingest, 'e2e:ingest')),
  );
  const control = await connected(
    io(`${server.baseUrl}/control`, auth(server.tokens.owner, 'e2e:control')),
  );
  const states = new Map<string, unknown>();
  control.on('snapshot', (snapshot: StateSnapshot) => {
    for (const [channel, state] of Object.entries(snapshot.channels)) states.set(channel, state);
  });
  control.on('updates', (batch: UpdateBatch) => {
    for (const update of batch.updates) {
      if (update.type === `${update.channel}.state`) states.set(update.channel, update.data);
    }
  });
  await control.emitWithAck('subscribe', [
    'qna',
    'poll',
    'sponsor',
    'goals',
    'leaderboard',
    'alerts',
  ]);
  return {
    server,
    home,
    async send(events) {
      const ack = (await ingest.emitWithAck('events', events)) as Ack<IngestBatchResult>;
      if (!ack.ok) throw new Error(`ingest refused: ${ack.code} ${ack.message}`);
      if (ack.data.rejected.length > 0) {
        throw new Error(`ingest rejected: ${JSON.stringify(ack.data.rejected)}`);
      }
      // The server is shared by every overlay spec and drops an id it has seen: a test reusing
      // one would wait for an effect that never comes, so it fails here, naming the ids.
      const duplicates = events.filter((_, i) => ack.data.results[i]?.status === 'duplicate');
      if (duplicates.length > 0) {
        throw new Error(`ingest dropped duplicate ids: ${duplicates.map((e) => e.id).join(', ')}`);
      }
      return ack.data;
    },
    async command<T>(command: Record<string, unknown>) {
      const ack = (await control.emitWithAck('command', command)) as Ack<T>;
      if (!ack.ok) throw new Error(`${String(command.type)}: ${ack.code} ${ack.message}`);
      return ack.data;
    },
    latest: (channel) => states.get(channel),
    overlayUrl(page, query = {}) {
      const params = new URLSearchParams({ token: server.tokens.overlay, ...query });
      return `${server.baseUrl}/overlays/${page}.html?${params}`;
    },
    close() {
      ingest.disconnect();
      control.disconnect();
    },
  };
}

export { stopServer };

export const test = base.extend<{ relay: Relay }, { workerRelay: Relay }>({
  workerRelay: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const home = mkdtempSync(join(tmpdir(), 'limelight-e2e-overlays-'));
      const server = await spawnServer(home, ['--no-source']);
      const relay = await connectRelay(server, home);
      await use(relay);
      relay.close();
      await stopServer(server);
      rmSync(home, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  relay: async ({ workerRelay }, use) => use(workerRelay),
});

export { expect };

/** What `window.__limelight` reports, read in the page. */
export interface SceneReport {
  count: number;
  texts: string[];
  state: LimelightDebugHook['state'];
}

/** One screen's debug state (see each screen's `debugState`). */
export function screenState(report: SceneReport, id: string): Record<string, unknown> {
  const state = report.state.screens[id];
  if (typeof state !== 'object' || state === null) throw new Error(`no screen ${id} on the page`);
  return state as Record<string, unknown>;
}

export function readScene(page: Page): Promise<SceneReport> {
  return page.evaluate(() => {
    const hook = window.__limelight;
    if (!hook) throw new Error('the overlay has not booted (no window.__limelight)');
    return { count: hook.displayObjectCount(), texts: hook.texts(), state: hook.state };
  });
}

/** Opens an overlay page and waits until it is subscribed (or running its demo). */
export async function openOverlay(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await expect
    .poll(async () => (await page.evaluate(() => window.__limelight?.state.status.state)) ?? '')
    .toMatch(/^(live|demo)$/);
  expect(errors, 'page errors while booting').toEqual([]);
}

/** Polls the scene until its texts contain every expected string. */
export async function expectTexts(page: Page, expected: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const { texts } = await readScene(page);
      return expected.filter((wanted) => !texts.some((text) => text.includes(wanted)));
    })
    .toEqual([]);
}

/** Waits until no screen reports a running fade or bar animation. */
export async function waitForStill(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const { state } = await readScene(page);
      return Object.entries(state.screens)
        .filter(([, screen]) => (screen as { animating?: boolean }).animating === true)
        .map(([id]) => id);
    })
    .toEqual([]);
}

/** A screenshot on a transparent background once animations rest, kept as a test artifact. */
export async function keepScreenshot(page: Page, path: string): Promise<Buffer> {
  await waitForStill(page);
  return page.screenshot({ path, omitBackground: true });
}

/**
 * The alpha of pixels of a PNG, decoded by the browser itself (no PNG library needed):
 * `points` are fractions of the width and height, e.g. [0, 0] is the top-left pixel.
 */
export function alphaAt(
  page: Page,
  png: Buffer,
  points: Array<[number, number]>,
): Promise<number[]> {
  return page.evaluate(
    async ({ data, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      return points.map(([fx, fy]) => {
        const x = Math.min(image.width - 1, Math.round(fx * image.width));
        const y = Math.min(image.height - 1, Math.round(fy * image.height));
        return context.getImageData(x, y, 1, 1).data[3] ?? -1;
      });
    },
    { data: png.toString('base64'), points },
  );
}

/** The four corner pixels. */
export const CORNERS: Array<[number, number]> = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
];

/** Live JS heap after a full garbage collection, via the Chrome DevTools Protocol. */
export async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}
