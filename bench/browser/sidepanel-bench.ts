/**
 * Part 5: the side panel (the built Chrome extension, paired with the real server as owner)
 * while the stream produces 50 events/s: long tasks counted by a PerformanceObserver installed
 * before the panel's own scripts run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { CHROME_EXTENSION_ID } from '../../shared/extension-id';
import { frameIntervals, heapAfterGcMb, launchWithExtension, newestMtime } from '../lib/browser';
import { connectIngest } from '../lib/ingest-client';
import { startLimelight } from '../lib/limelight-server';
import { delay } from '../lib/processes';
import { atMost, figure, NotMeasured, type PartRecorder } from '../lib/results';
import { quantileSorted } from '../lib/stats';
import { stormGift } from './gift-storm';

export interface SidePanelBenchOptions {
  repetitions: number;
  idleMs: number;
  loadMs: number;
  eventsPerSecond: number;
  /** Rebuild the extension when sources are newer than the build (quick runs measure what is built). */
  rebuildStale: boolean;
}

const EXTENSION_DIR = '.output/chrome-mv3';

// Source text, not a function: tsx's `__name` helpers do not exist in the page.
const LONG_TASK_OBSERVER = `
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

export async function sidePanelBench(
  part: PartRecorder,
  options: SidePanelBenchOptions,
): Promise<void> {
  buildExtensionIfStale(part, options.rebuildStale);
  const server = await startLimelight();
  const profile = mkdtempSync(join(tmpdir(), 'limelight-bench-profile-'));
  let context: BrowserContext | null = null;
  try {
    context = await launchWithExtension(profile, resolve(EXTENSION_DIR));
    const page = await context.newPage();
    await page.addInitScript(LONG_TASK_OBSERVER);
    await page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/sidepanel.html`);
    await page
      .getByTestId('pairing-input')
      .fill(`${server.baseUrl}/pair?token=${server.tokens.owner}`);
    await page.getByTestId('pairing-submit').click();
    await page
      .locator('[data-testid="connection-state"][data-status="connected"]')
      .waitFor({ timeout: 30_000 });
    const socket = await connectIngest(server.baseUrl, server.tokens.ingest);
    const idle: number[] = [];
    const load: number[] = [];
    const longest: number[] = [];
    const framesP95: number[] = [];
    let heapBefore = Number.NaN;
    try {
      await delay(1000);
      heapBefore = await heapAfterGcMb(page);
      for (let rep = 0; rep < options.repetitions; rep++) {
        idle.push((await longTasksDuring(page, () => delay(options.idleMs))).length);
        let frames: number[] = [];
        const tasks = await longTasksDuring(page, async () => {
          const feeding = feed(socket, rep, options.eventsPerSecond, options.loadMs);
          frames = await frameIntervals(page, options.loadMs);
          await feeding;
        });
        load.push(tasks.length);
        longest.push(tasks.length ? Math.max(...tasks) : 0);
        framesP95.push(
          quantileSorted(
            [...frames].sort((a, b) => a - b),
            0.95,
          ),
        );
      }
    } finally {
      socket.close();
    }
    const heapAfter = await heapAfterGcMb(page);
    const coins = await page
      .getByTestId('live-coins')
      .textContent({ timeout: 5000 })
      .catch(() => null);
    part.add(figure('long tasks while idle', 'tasks', idle));
    part.add(
      figure(`long tasks at ${options.eventsPerSecond} updates/s`, 'tasks', load, atMost(0, '0')),
    );
    part.add(figure('longest task under load', 'ms', longest));
    part.add(figure('panel frame interval p95 under load', 'ms', framesP95));
    part.add(
      figure('panel JS heap growth over the run (after GC)', 'MB', [heapAfter - heapBefore]),
    );
    part.note(
      `${options.eventsPerSecond} events/s (gifts, chat, likes, viewer counts in turn) for ${options.loadMs / 1000} s per run ` +
        `into the server; the panel (built extension, paired as owner) renders the updates it is sent. ` +
        `Long task = main-thread task over 50 ms (PerformanceObserver 'longtask'). Panel shows ${coins ?? '?'} coins at the end.`,
    );
  } finally {
    await context?.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

function buildExtensionIfStale(part: PartRecorder, rebuildStale: boolean): void {
  if (!existsSync('extension/entrypoints/sidepanel'))
    throw new NotMeasured('the side panel has not landed');
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (built >= newestMtime('extension') && built >= newestMtime('shared')) return;
  if (built > 0 && !rebuildStale) {
    part.note(
      'Measured the existing .output/chrome-mv3 build, which is older than the extension sources.',
    );
    return;
  }
  console.log('[bench] sidepanel: building the Chrome extension (wxt)…');
  const result = spawnSync('npx', ['wxt', 'build'], { encoding: 'utf8', timeout: 240_000 });
  if (result.status === 0 && existsSync(manifest)) return;
  if (!existsSync(manifest)) {
    throw new NotMeasured(
      `the extension build failed: ${(result.stderr || result.stdout || '').slice(-400)}`,
    );
  }
  part.note('The extension build failed; the previous build in .output/chrome-mv3 was measured.');
}

async function longTasksDuring(page: Page, work: () => Promise<unknown>): Promise<number[]> {
  const before = (await page.evaluate('window.__benchLongTasks.length')) as number;
  await work();
  // Long-task entries are delivered asynchronously: give the observer a moment.
  await delay(200);
  return (await page.evaluate(`window.__benchLongTasks.slice(${before})`)) as number[];
}

type IngestSocket = Awaited<ReturnType<typeof connectIngest>>;

/** Events at a steady rate: gifts, chat lines, likes and viewer counts in turn. */
async function feed(
  socket: IngestSocket,
  rep: number,
  perSecond: number,
  ms: number,
): Promise<void> {
  let sent = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    const due = Math.floor(((performance.now() - started) * perSecond) / 1000) + 1;
    while (sent < due) socket.emit('event', panelEvent(rep, sent++), () => {});
    await delay(10);
  }
}

function panelEvent(rep: number, seq: number): Record<string, unknown> {
  const base = { id: `bench-panel-${rep}-${seq}-${Date.now()}`, source: 'test', at: Date.now() };
  const viewer = seq % 211;
  const user = {
    id: String(7_400_000_000_000_000 + viewer),
    handle: `panel_viewer_${viewer}`,
    nickname: `Viewer ${viewer}`,
  };
  switch (seq % 4) {
    case 0:
      return stormGift(`panel${rep}`, seq);
    case 1:
      return { ...base, kind: 'chat', user, text: `message ${seq} from the bench`, emotes: [] };
    case 2:
      return { ...base, kind: 'like', user, count: 5, roomTotal: 1000 + seq * 5 };
    default:
      return { ...base, kind: 'viewers', count: 1500 + (seq % 300) };
  }
}
