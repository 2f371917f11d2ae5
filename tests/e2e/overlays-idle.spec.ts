/**
 * What an overlay costs between alerts, read as state (not timings) through `window.__limelight`:
 * the stage draws while an alert moves and stops drawing once it has left, the alert leaves no
 * display objects or ticker callbacks behind, and batches sample few textures (software WebGL —
 * SwiftShader here, OBS with hardware acceleration off — runs every texture branch per pixel).
 * The other overlays (chat, poll, goal, leaderboard, the scene page) draw only when something
 * arrives or moves, and a countdown draws once per second it ticks.
 */
import type { Page } from '@playwright/test';
import { CLIP_NOTHING } from '../../overlays/stage/draw-clip';
import { instantGift, script, viewer } from '../integration/support/events';
import {
  expect,
  expectTexts,
  openOverlay,
  readScene,
  screenState,
  test,
  waitForStill,
} from './support/overlay-relay';

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

test('alerts: between storm cards the banner is down and nothing is redrawn', async ({
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
  // The banner marks storm cards only: with no card up it is down (a gift shown now is no storm).
  expect(scene.texts).not.toContain('GIFT STORM');
  expect(await drawnOver(page, 30)).toBeLessThanOrEqual(1);
});

/** Waits until every screen rests, then checks the page draws (almost) nothing while idle. */
async function idleAfterSettling(page: Page): Promise<void> {
  await waitForStill(page);
  expect(await drawnOver(page, 30), 'frames drawn in 30 idle ticks').toBeLessThanOrEqual(1);
}

/** Waits until the page drew more frames than `drawn` (something arrived and was drawn). */
async function drewAfter(page: Page, drawn: number): Promise<void> {
  await expect.poll(async () => (await frames(page)).drawn).toBeGreaterThan(drawn);
}

test('chat: idle lines are not redrawn, and a new line is drawn when it arrives', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('chat'));
  await relay.send([script(Date.now()).chat(viewer('idle-ana'), 'a line that settles')]);
  await expectTexts(page, ['a line that settles']);
  await idleAfterSettling(page);

  const before = (await frames(page)).drawn;
  await relay.send([script(Date.now()).chat(viewer('idle-ben'), 'a line that wakes the stage')]);
  await expectTexts(page, ['a line that wakes the stage']);
  await drewAfter(page, before);
  await idleAfterSettling(page);
});

test('poll: an open-ended poll rests between votes and draws each vote', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('poll'));
  await relay.command({
    type: 'poll.start',
    question: 'Idle poll: cats or dogs?',
    options: [{ label: 'Cats' }, { label: 'Dogs' }],
  });
  await expectTexts(page, ['Idle poll: cats or dogs?']);
  await idleAfterSettling(page);

  const before = (await frames(page)).drawn;
  await relay.send([script(Date.now()).chat(viewer('idle-voter'), '2')]);
  await expect.poll(async () => screenState(await readScene(page), 'poll').votes).toEqual([0, 1]);
  await drewAfter(page, before);
  await idleAfterSettling(page);
  await relay.command({ type: 'poll.close' });
});

/** The seconds a countdown text shows (`… · 9:58`, `1:59`), or null when none matches. */
async function clockSeconds(page: Page, countdown: RegExp): Promise<number | null> {
  const shown = (await readScene(page)).texts.find((text) => countdown.test(text));
  const match = shown?.match(/(\d+):(\d\d)$/);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Frames drawn over four seconds of a running countdown, timed by the countdown itself: from the
 * moment its text changes to four changes later. About one per second, not one per tick.
 */
async function drawnOverFourSeconds(page: Page, countdown: RegExp): Promise<number> {
  const seconds = () => clockSeconds(page, countdown);
  await expect.poll(seconds).toBeGreaterThan(0);
  const start = (await seconds()) as number;
  await expect.poll(seconds).toBeLessThan(start);
  const first = (await seconds()) as number;
  const before = await frames(page);
  await expect.poll(seconds, { timeout: 15_000 }).toBeLessThanOrEqual(first - 4);
  const after = await frames(page);
  expect(after.ticks - before.ticks, 'the page ticked through those seconds').toBeGreaterThan(30);
  return after.drawn - before.drawn;
}

test('poll: a running countdown redraws about once a second, not every frame', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('poll'));
  await relay.command({
    type: 'poll.start',
    question: 'Timed idle poll: tea or coffee?',
    options: [{ label: 'Tea' }, { label: 'Coffee' }],
    durationSeconds: 600,
  });
  await expectTexts(page, ['Timed idle poll: tea or coffee?']);
  await waitForStill(page);
  const drawn = await drawnOverFourSeconds(page, / · \d+:\d\d$/);
  expect(drawn, 'frames drawn over ~4 s of countdown').toBeGreaterThanOrEqual(2);
  expect(drawn, 'frames drawn over ~4 s of countdown').toBeLessThanOrEqual(8);
  await relay.command({ type: 'poll.close' });
});

test('sponsor: a running segment timer redraws about once a second, a paused one not at all', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('sponsor'));
  const plan = await relay.command<{ id: string }>({
    type: 'sponsor.plan',
    kind: 'productPlacement',
    brand: 'Idle Brand',
    product: 'Idle Product',
    plannedSeconds: 300,
  });
  await relay.command({ type: 'sponsor.start', planId: plan.id });
  await expectTexts(page, ['Idle Product']);
  await waitForStill(page);
  const drawn = await drawnOverFourSeconds(page, /^\d+:\d\d$/);
  expect(drawn, 'frames drawn over ~4 s of the segment timer').toBeGreaterThanOrEqual(2);
  expect(drawn, 'frames drawn over ~4 s of the segment timer').toBeLessThanOrEqual(8);

  await relay.command({ type: 'sponsor.pause' });
  await expect.poll(async () => screenState(await readScene(page), 'sponsor').state).toBe('paused');
  await idleAfterSettling(page);
  await relay.command({ type: 'sponsor.end' });
});

test('goal and leaderboard: idle bars and rows are not redrawn, a gift is', async ({
  browser,
  relay,
}) => {
  const goal = await relay.command<{ id: string }>({
    type: 'goals.set',
    kind: 'coins',
    label: 'Idle goal',
    target: 1_000_000,
  });
  const goalPage = await browser.newPage();
  const boardPage = await browser.newPage();
  await openOverlay(goalPage, relay.overlayUrl('goal', { goal: goal.id }));
  await openOverlay(boardPage, relay.overlayUrl('leaderboard'));
  await expectTexts(goalPage, ['Idle goal']);
  await expectTexts(boardPage, ['Top gifters']);
  await idleAfterSettling(goalPage);
  await idleAfterSettling(boardPage);

  const goalBefore = (await frames(goalPage)).drawn;
  const boardBefore = (await frames(boardPage)).drawn;
  // Small enough to stay below the next spec file's gifters on the shared server's board.
  await relay.send([instantGift(script(Date.now()), 'idle_giver', 50)]);
  await expectTexts(goalPage, ['50 / 1M coins']);
  await expectTexts(boardPage, ['Idle_giver']);
  await drewAfter(goalPage, goalBefore);
  await drewAfter(boardPage, boardBefore);
  await idleAfterSettling(goalPage);
  await idleAfterSettling(boardPage);
  await goalPage.close();
  await boardPage.close();
  // The server is shared with the next spec file, whose goal page shows the first open goal.
  await relay.command({ type: 'goals.remove', goalId: goal.id });
});

test('scene: several idle screens on one page draw nothing until a line arrives', async ({
  page,
  relay,
}) => {
  const goal = await relay.command<{ id: string }>({
    type: 'goals.set',
    kind: 'coins',
    label: 'Idle scene goal',
    target: 1_000_000,
  });
  await relay.command({
    type: 'poll.start',
    question: 'Idle scene poll?',
    options: [{ label: 'Yes' }, { label: 'No' }],
  });
  await openOverlay(
    page,
    relay.overlayUrl('scene', {
      show: 'goal@top-left,poll@top-right,chat@bottom-left,leaderboard@right*0.8,alerts',
      goal: goal.id,
      speed: '20',
    }),
  );
  await expectTexts(page, ['Idle scene goal', 'Idle scene poll?']);
  // Earlier tests' gifts may still be queued as alerts: let them play out first.
  await playedOut(page);
  await idleAfterSettling(page);

  const before = (await frames(page)).drawn;
  await relay.send([script(Date.now()).chat(viewer('scene-idler'), 'wake the scene')]);
  await expectTexts(page, ['wake the scene']);
  await drewAfter(page, before);
  await idleAfterSettling(page);
  await relay.command({ type: 'poll.close' });
  await relay.command({ type: 'goals.remove', goalId: goal.id });
});
