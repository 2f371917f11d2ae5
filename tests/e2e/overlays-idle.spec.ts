/**
 * What an overlay costs between alerts, read as state (not timings) through `window.__limelight`:
 * the stage draws while an alert moves and stops drawing once it has left, the alert leaves no
 * display objects or ticker callbacks behind, and batches sample few textures (software WebGL —
 * SwiftShader here, OBS with hardware acceleration off — runs every texture branch per pixel).
 */
import type { Page } from '@playwright/test';
import { CLIP_NOTHING } from '../../overlays/stage/draw-clip';
import { instantGift, script } from '../integration/support/events';
import { expect, openOverlay, readScene, screenState, test } from './support/overlay-relay';

const frames = async (page: Page) => (await readScene(page)).state.frames;
const alertsOf = async (page: Page) => screenState(await readScene(page), 'alerts');

/** Waits until the overlay has played everything it was sent (the server may replay a backlog). */
async function playedOut(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const { current, waiting } = await alertsOf(page);
        return current === null && waiting === 0;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** Lets `ticks` frames pass and returns how many of them were drawn. */
async function drawnOver(page: Page, ticks: number): Promise<number> {
  const before = await frames(page);
  await expect
    .poll(async () => (await frames(page)).ticks, { message: 'the page keeps ticking' })
    .toBeGreaterThanOrEqual(before.ticks + ticks);
  return (await frames(page)).drawn - before.drawn;
}

test('alerts: the stage stops drawing once an alert has left and keeps no per-frame work', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('alerts', { speed: '20' }));
  const alerts = () => alertsOf(page);
  await playedOut(page);
  const idle = await readScene(page);
  expect(idle.state.frames.batchTextures).toBeLessThanOrEqual(4);
  // Nothing drawn: the canvas is clipped to nothing, so the compositor has nothing to blend.
  expect(idle.state.frames.clip).toBe(CLIP_NOTHING);
  // Idle: frames tick and none is drawn (one may still be owed to the snapshot just applied).
  expect(await drawnOver(page, 30)).toBeLessThanOrEqual(1);

  await relay.send([instantGift(script(Date.now()), 'idle_check', 500)]);
  await expect.poll(async () => (await alerts()).current).not.toBeNull();
  const { id } = (await alerts()).current as { id: string };
  // A card on screen: the clip keeps a box around it, not the whole 1280×720 page.
  await expect.poll(async () => (await frames(page)).clip).toMatch(/^inset\(\d+px/);
  await expect.poll(async () => (await alerts()).lastFinished).toMatchObject({ id, settled: true });
  const after = await readScene(page);
  expect(after.state.frames.drawn, 'the alert was drawn frame by frame').toBeGreaterThan(
    idle.state.frames.drawn + 3,
  );
  expect(after.count, 'display objects back to idle').toBe(idle.count);
  expect(after.state.frames.tickerListeners, 'no ticker callback left').toBe(
    idle.state.frames.tickerListeners,
  );
  // Back to idle: the frame that cleared the card at most, then nothing.
  expect(await drawnOver(page, 30)).toBeLessThanOrEqual(1);
  expect((await frames(page)).clip).toBe(CLIP_NOTHING);
});

test('alerts: a tier-3 card is baked on a plain canvas and its confetti stays near it', async ({
  page,
  relay,
}) => {
  // At full speed, so the confetti flies its whole life. Multisampling every drawn pixel and
  // confetti raining over the whole page were most of a storm's frame on software WebGL.
  await openOverlay(page, relay.overlayUrl('alerts', { speed: '1' }));
  await playedOut(page);
  expect((await frames(page)).antialias, 'the alerts canvas does not multisample').toBe(false);

  await relay.send([instantGift(script(Date.now()), 'confetti_check', 500)]);
  await expect.poll(async () => (await alertsOf(page)).current).toMatchObject({ tier: 3 });
  const { id } = (await alertsOf(page)).current as { id: string };
  expect((await alertsOf(page)).baked, 'its shapes are baked with antialiasing').toEqual({
    face: true,
    glow: true,
    rays: null,
  });
  await expect
    .poll(async () => (await alertsOf(page)).lastFinished, { timeout: 30_000 })
    .toMatchObject({ id });
  const widest = (await frames(page)).widestDrawnShare;
  expect(widest, 'the card was drawn').toBeGreaterThan(0);
  // The card, its glow and confetti keep about a third of the page; confetti raining over the
  // page kept all of its height.
  expect(widest, 'share of the page kept visible while the card played').toBeLessThan(0.5);
});

test('alerts: the storm banner left up between alerts holds still, so nothing is redrawn', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('alerts', { speed: '20' }));
  // 30 small gifts at one stream moment: past the server's storm threshold, so it merges them
  // and keeps storm mode on while it plays them at its own pace (seconds), long after this page
  // (at speed 20) has shown them. Stamped now: a later stamp would move the shared server's
  // stream clock and expire the next spec file's timed poll.
  const s = script(Date.now());
  await relay.send(Array.from({ length: 30 }, (_, i) => instantGift(s, `calm${i}`, 1)));
  await expect.poll(async () => (await alertsOf(page)).mergedShown).toBeGreaterThanOrEqual(1);
  await playedOut(page);
  const scene = await readScene(page);
  expect(screenState(scene, 'alerts').storm, 'storm mode still on').toBe(true);
  expect(scene.texts).toContain('GIFT STORM');
  expect(await drawnOver(page, 30)).toBeLessThanOrEqual(1);
});
