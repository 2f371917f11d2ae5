/**
 * The alerts page as the bench reads it: opened against the real server, and probed through its
 * `window.__limelight` hook (display objects, frames drawn, queue played out) and frame windows.
 */
import type { Browser, Page } from '@playwright/test';
import { type FrameWindow, measureFrames } from '../lib/browser';
import type { LimelightServer } from '../lib/limelight-server';
import { pollUntil } from '../lib/processes';
import { quantileSorted } from '../lib/stats';

export async function openAlerts(
  browser: Browser,
  server: LimelightServer,
  extra = '',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.baseUrl}/overlays/alerts.html?token=${server.tokens.overlay}${extra}`);
  const ready = await pollUntil(
    () => page.evaluate(() => window.__limelight?.state.ready === true).catch(() => false),
    30_000,
    100,
  );
  if (!ready) throw new Error('the alerts overlay did not report ready within 30 s');
  return page;
}

export const displayObjects = (page: Page) =>
  page.evaluate(() => window.__limelight?.displayObjectCount() ?? -1);

/** Frames the stage has drawn (null from a build whose hook does not count them). */
export const framesDrawn = (page: Page) =>
  page.evaluate(() => {
    const state = window.__limelight?.state as { frames?: { drawn: number } } | undefined;
    return state?.frames?.drawn ?? null;
  });

/** The alerts page has nothing playing and nothing waiting: the storm's backlog has played out. */
export const playedOut = (page: Page) =>
  page.evaluate(() => {
    const alerts = window.__limelight?.state.screens.alerts as
      | { current: unknown; waiting: number }
      | undefined;
    return alerts !== undefined && alerts.current === null && alerts.waiting === 0;
  });

/** A frame window plus how many frames the stage drew in it, per second (NaN if not counted). */
export interface StageWindow extends FrameWindow {
  drawnPerSecond: number;
}

export async function measureStage(page: Page, ms: number): Promise<StageWindow> {
  const before = await framesDrawn(page);
  const started = performance.now();
  const window = await measureFrames(page, ms);
  const after = await framesDrawn(page);
  const seconds = (performance.now() - started) / 1000;
  const drawnPerSecond =
    before === null || after === null ? Number.NaN : (after - before) / seconds;
  return { ...window, drawnPerSecond };
}

export function frameFigures(window: StageWindow) {
  const sorted = [...window.intervals].sort((a, b) => a - b);
  return {
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    over50: window.intervals.filter((ms) => ms > 50).length,
    script: window.scriptMsPerFrame,
    busy: window.mainThreadBusy * 100,
    drawn: window.drawnPerSecond,
  };
}
