/**
 * Part 6: what each overlay page costs OBS to open: bytes transferred (scripts, styles, fonts,
 * everything the page fetched over HTTP until the network went quiet) and the time from
 * navigation to the first frame its stage drew (the page's `__limelight` frame hook). A fresh
 * browser context per page, so nothing comes from cache; served by the real server.
 */
import type { Browser, Page } from '@playwright/test';
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import { launchBrowser } from '../lib/browser';
import { type LimelightServer, startLimelight } from '../lib/limelight-server';
import { pollUntil } from '../lib/processes';
import { figure, type PartRecorder } from '../lib/results';
import { buildOverlaysIfStale } from './overlays-build';

export interface OverlayWeightOptions {
  repetitions: number;
  rebuildStale: boolean;
}

interface Load {
  bytes: number;
  scriptBytes: number;
  fontBytes: number;
  requests: number;
  firstFrameMs: number;
}

export async function overlayWeightBench(
  part: PartRecorder,
  options: OverlayWeightOptions,
): Promise<void> {
  buildOverlaysIfStale(part, options.rebuildStale);
  const server = await startLimelight();
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    for (const page of OVERLAY_PAGES) {
      const loads: Load[] = [];
      for (let rep = 0; rep < options.repetitions; rep++)
        loads.push(await load(browser, server, page));
      part.add(
        figure(
          `${page}: transfer`,
          'KB',
          loads.map((l) => l.bytes / 1024),
        ),
      );
      part.add(
        figure(
          `${page}: of which scripts`,
          'KB',
          loads.map((l) => l.scriptBytes / 1024),
        ),
      );
      part.add(
        figure(
          `${page}: of which fonts`,
          'KB',
          loads.map((l) => l.fontBytes / 1024),
        ),
      );
      part.add(
        figure(
          `${page}: time to first frame`,
          'ms',
          loads.map((l) => l.firstFrameMs),
        ),
      );
      const requests = loads[0]?.requests ?? 0;
      part.note(`${page}: ${requests} requests.`);
    }
    part.note(
      'Transfer: encoded bytes of every HTTP response the page loaded (DevTools `Network.loadingFinished`) until its first frame ' +
        'and the network quiet (500 ms); the WebSocket to /overlay is not counted. Served from 127.0.0.1 uncompressed, so the time ' +
        "to first frame is parsing, Pixi's start-up and fonts rather than network. A fresh context per load (empty cache).",
    );
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function load(browser: Browser, server: LimelightServer, name: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const types = new Map<string, string>();
  const totals = { bytes: 0, scriptBytes: 0, fontBytes: 0, requests: 0 };
  cdp.on('Network.responseReceived', (event: { requestId: string; type: string }) => {
    types.set(event.requestId, event.type);
  });
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    const type = types.get(event.requestId);
    if (type === 'WebSocket' || type === undefined) return;
    totals.requests += 1;
    totals.bytes += event.encodedDataLength;
    if (type === 'Script') totals.scriptBytes += event.encodedDataLength;
    if (type === 'Font') totals.fontBytes += event.encodedDataLength;
  });
  try {
    await cdp.send('Network.enable');
    await page.goto(`${server.baseUrl}/overlays/${name}.html?token=${server.tokens.overlay}`);
    const firstFrame = async () =>
      page.evaluate(() => window.__limelight?.state.frames.firstFrameMs ?? null);
    await pollUntil(async () => (await firstFrame()) !== null, 30_000, 50);
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    return { ...totals, firstFrameMs: (await firstFrame()) ?? Number.NaN };
  } finally {
    await context.close();
  }
}
