/**
 * The pictures in the README's overlay section: each overlay page's `?demo` at 1920×1080, taken
 * at a fixed moment of its demo. Playwright's clock drives the page (paused from the first
 * script, then run frame by frame through the demo's own milliseconds), so the scene depends on
 * no machine's speed and a picture taken again shows the same thing.
 *
 * `npm run screenshots` (LIMELIGHT_SCREENSHOTS=update) writes them to docs/screenshots/; a
 * normal run checks every page has its pose and that the fresh picture is drawn and of the
 * committed size (tests/architecture/overlay-screenshots.test.ts checks the files and the README).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { OVERLAY_PAGES, type OverlayPage } from '../../shared/protocol/overlay-pages';
import { expect, expectTexts, readScene, test } from './support/overlay-relay';
import { findColours, type Rgb } from './support/pixels';

const UPDATE = process.env.LIMELIGHT_SCREENSHOTS === 'update';
const FOLDER = new URL('../../docs/screenshots/', import.meta.url);

/**
 * The page lays out at 1920×1080 CSS px, drawn at device scale 0.5: 960×540 pictures of a few
 * tens of kB, and a quarter of the pixels for software WebGL to draw.
 */
const SCALE = 0.5;
const SIZE = { width: 1920 * SCALE, height: 1080 * SCALE };

/** Stands in for the stream behind the transparent page (in OBS the page has no background). */
const BACKDROP: Rgb = [74, 81, 96];
const BACKDROP_CSS = `html, body { background: rgb(${BACKDROP.join(' ')}) !important; }`;

/** Polls every 20 ms: the page boots and loads its fonts in a few hundred. */
const QUICK = { intervals: [20] };

/** Demo time between two drawn frames while a page runs to its pose, and how much of it ends
 * frame by frame. */
const STEP_MS = 1000;
const LAST_MS = 100;

/** A moment of a page's demo: `atMs` of demo time after boot, and texts it must show then. */
interface Pose {
  atMs: number;
  shows: string[];
}

/** One per page: a page added to OVERLAY_PAGES without a pose does not type-check. */
const POSES: Record<OverlayPage, Pose> = {
  // The legendary tier (7.5–10.5 s), after the Rose streak and a smaller tier.
  alerts: { atMs: 9_000, shows: ['sent Lion', 'LEGENDARY'] },
  chat: { atMs: 9_000, shows: ['GG', 'Kenji 健二 けんじ 🇯🇵'] },
  poll: { atMs: 9_000, shows: ['What do we eat after the stream?', 'TIE'] },
  qna: { atMs: 2_000, shows: ['What camera and microphone do you use for your streams? 🎤'] },
  sponsor: { atMs: 2_500, shows: ['Lumen Mic Pro ⚡', 'LIME20'] },
  goal: { atMs: 6_500, shows: ['3,900 / 5,000 coins'] },
  leaderboard: { atMs: 10_500, shows: ['Top gifters', 'Mia ✨'] },
  battle: { atMs: 6_000, shows: ['Victory! 🏆'] },
  actions: { atMs: 2_500, shows: ['Thank you Ana 🌹 for the Galaxy!', 'Giveaway ends in'] },
  scene: {
    atMs: 6_000,
    shows: ['New microphone 🎤', 'What do we eat after the stream?', 'LIME20'],
  },
};

test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: SCALE });

test('every overlay page has a picture of its demo, drawn and of the committed size', async ({
  page,
  relay,
}) => {
  test.setTimeout(60_000);
  // Paused before any page script runs: a demo starts at the same fake instant on every page.
  await page.clock.install({ time: new Date('2026-01-01T20:00:00Z') });
  await page.clock.pauseAt(new Date('2026-01-01T20:00:00Z'));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (UPDATE) mkdirSync(FOLDER, { recursive: true });

  for (const id of OVERLAY_PAGES) {
    await test.step(id, async () => {
      const png = await pose(page, `${relay.server.baseUrl}/overlays/${id}.html?demo`, POSES[id]);
      expect(pngSize(png), `${id}: picture size`).toEqual(SIZE);
      const [backdrop] = await findColours(page, png, [BACKDROP], 2);
      const drawn = 1 - (backdrop?.count ?? 0) / (SIZE.width * SIZE.height);
      // The smallest page (the goal bar) covers about 5% of the picture.
      expect(drawn, `${id}: share of the picture the overlay drew`).toBeGreaterThan(0.02);
      if (UPDATE) writeFileSync(new URL(`${id}.png`, FOLDER), png);
    });
  }
  expect(errors, 'page errors').toEqual([]);
});

/** Opens a demo, runs its clock to the pose, waits for its fonts and takes the picture. */
async function pose(page: Page, url: string, { atMs, shows }: Pose): Promise<Buffer> {
  await page.goto(url);
  await expect
    .poll(() => page.evaluate(() => window.__limelight?.state.status.state ?? ''), QUICK)
    .toBe('demo');
  await page.addStyleTag({ content: BACKDROP_CSS });
  // The demo's own timeline, one frame per step (software WebGL pays tens of ms for every frame
  // drawn), then the last 100 ms frame by frame, so what moves (confetti, rays) is caught
  // mid-motion as on a screen.
  for (let ms = 0; ms < atMs - LAST_MS; ms += STEP_MS) {
    await page.clock.fastForward(Math.min(STEP_MS, atMs - LAST_MS - ms));
  }
  await page.clock.runFor(LAST_MS);
  await expectTexts(page, shows);
  // Fonts load over the network, not on the clock: once the last is in, the texts it draws are
  // drawn again on the next frame.
  await expect.poll(async () => (await readScene(page)).state.fonts.pending, QUICK).toBe(0);
  await page.clock.runFor(50);
  const scene = await readScene(page);
  expect(scene.state.frames.drawn, 'frames drawn').toBeGreaterThan(0);
  return page.screenshot();
}

/** Width and height from a PNG's header (IHDR, big-endian, bytes 16–23). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
