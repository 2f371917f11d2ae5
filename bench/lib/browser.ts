/**
 * Headless Debian Chromium for the browser parts (Playwright cannot download its own here), with
 * the flags verified on these machines plus precise memory figures.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs, no type declarations
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { NotMeasured } from './results';

const EXTRA_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

function chromiumPath(): string {
  const path = (findChromium as () => string | undefined)();
  if (!path) throw new NotMeasured('no Chromium found (see scripts/chromium.mjs)');
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...(CHROMIUM_ARGS as string[]), ...EXTRA_ARGS],
  });
}

/** A persistent context with an unpacked extension loaded (extensions need one). */
export function launchWithExtension(
  userDataDir: string,
  extensionDir: string,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...(CHROMIUM_ARGS as string[]),
      ...EXTRA_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
}

// Kept as source text: tsx compiles functions with `__name` helpers that do not exist in the page.
const FRAME_INTERVALS_SCRIPT = `(windowMs) => new Promise((resolve) => {
  const intervals = [];
  let last;
  const start = performance.now();
  const onFrame = (t) => {
    if (last !== undefined) intervals.push(t - last);
    last = t;
    if (t - start < windowMs) requestAnimationFrame(onFrame);
    else resolve(intervals);
  };
  requestAnimationFrame(onFrame);
})`;

/** Intervals between animation frames over `ms`, in ms (what a viewer sees as smoothness). */
export function frameIntervals(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`(${FRAME_INTERVALS_SCRIPT})(${Number(ms)})`) as Promise<number[]>;
}

/** A window of frames with the main thread's own cost, independent of the GPU (SwiftShader here). */
export interface FrameWindow {
  intervals: number[];
  /** JavaScript time per frame, ms (DevTools `ScriptDuration`). */
  scriptMsPerFrame: number;
  /** Share of the window the renderer's main thread was busy (`TaskDuration`), 0–1. */
  mainThreadBusy: number;
}

export async function measureFrames(page: Page, ms: number): Promise<FrameWindow> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: Array<{ name: string; value: number }>;
      };
      const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      return { script: of('ScriptDuration'), task: of('TaskDuration'), at: performance.now() };
    };
    const before = await read();
    const intervals = await frameIntervals(page, ms);
    const after = await read();
    return {
      intervals,
      scriptMsPerFrame: ((after.script - before.script) * 1000) / Math.max(1, intervals.length),
      mainThreadBusy: ((after.task - before.task) * 1000) / (after.at - before.at),
    };
  } finally {
    await cdp.detach();
  }
}

/** JS heap in use after a full garbage collection, MB (through the DevTools protocol). */
export async function heapAfterGcMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** Newest modification time under a folder (bounded depth), ms; 0 when it does not exist. */
export function newestMtime(dir: string, depth = 4): number {
  if (!existsSync(dir)) return 0;
  let newest = statSync(dir).mtimeMs;
  if (depth === 0) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path, depth - 1) : statSync(path).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}
