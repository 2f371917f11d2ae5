/**
 * What a streamer sees on glass, frame by frame, in the `?demo` pages at 1920×1080: labels stay
 * inside their cards while they pulse, the scene page keeps its screens apart, and the storm
 * banner shows over storm cards only. A sampler runs in the page on every animation frame and
 * reads where things are drawn through `window.__limelight` (design px).
 */
import type { Page } from '@playwright/test';
import type { DesignBox } from '../../overlays/stage/debug-hook';
import { expect, openOverlay, readScene, test } from './support/overlay-relay';

test.use({ viewport: { width: 1920, height: 1080 } });

interface Frame {
  at: number;
  panel: DesignBox | null;
  texts: Array<{ text: string } & DesignBox>;
  screens: Record<string, DesignBox>;
  alerts: { storm: boolean; stormBanner: boolean; merged: boolean | null; tier: number | null };
}

/** When a sampling run ends: once the demo has played past what the test looks at. */
type Until = 'streak played' | 'legendary played' | 'storm card played';

/**
 * Samples every animation frame until `until` holds (the demos' pace depends on how busy the
 * machine is, so a run waits for what it needs to see, not for a time), at most 60 s.
 */
function sampleFrames(page: Page, until: Until): Promise<Frame[]> {
  return page.evaluate(
    (until) =>
      new Promise<Frame[]>((done, fail) => {
        const frames: Frame[] = [];
        const start = performance.now();
        let seen = false;
        const step = () => {
          const hook = window.__limelight;
          if (hook) {
            const alerts = hook.state.screens.alerts as
              | {
                  storm: boolean;
                  stormBanner: boolean;
                  card: { merged: boolean } | null;
                  current: { id: string; tier: number } | null;
                  lastFinished: { id: string } | null;
                }
              | undefined;
            frames.push({
              at: performance.now() - start,
              panel: hook.boundsOf('card-panel'),
              texts: hook.textBounds(),
              screens: hook.screenBounds(),
              alerts: {
                storm: alerts?.storm ?? false,
                stormBanner: alerts?.stormBanner ?? false,
                merged: alerts?.card?.merged ?? null,
                tier: alerts?.current?.tier ?? null,
              },
            });
            const current = alerts?.current ?? null;
            const now =
              until === 'streak played'
                ? current?.id === 'demo-streak'
                : until === 'legendary played'
                  ? current?.tier === 5
                  : alerts?.card?.merged === true;
            if (now) seen = true;
            else if (seen) return done(frames);
          }
          if (performance.now() - start > 60_000) fail(new Error(`the demo never ${until}`));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    until,
  );
}

const right = (box: DesignBox) => box.x + box.width;
const bottom = (box: DesignBox) => box.y + box.height;
const inside = (inner: DesignBox, outer: DesignBox, slack = 0.5) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  right(inner) <= right(outer) + slack &&
  bottom(inner) <= bottom(outer) + slack;
const overlap = (a: DesignBox, b: DesignBox) =>
  a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);

/** Texts drawn on the card: those whose middle lies in the card's height. */
function cardTexts(frame: Frame): Frame['texts'] {
  const panel = frame.panel;
  if (!panel) return [];
  return frame.texts.filter((text) => {
    const middle = text.y + text.height / 2;
    return middle > panel.y && middle < bottom(panel);
  });
}

test('alerts: the streak counter and every label stay inside the card while it pulses', async ({
  page,
  relay,
}) => {
  await openOverlay(page, `${relay.server.baseUrl}/overlays/alerts.html?demo`);
  // The demo's Rose streak counts ×1 → ×15, a step every 180 ms, each one a pulse.
  const frames = (await sampleFrames(page, 'streak played')).filter(
    (frame) => frame.panel !== null,
  );
  const counts = frames.flatMap((frame) =>
    cardTexts(frame).filter((text) => text.text.startsWith('×')),
  );
  // Two-digit counts (×10 … ×15) were drawn: the wide ones that used to pass the card's edge (a
  // busy machine may skip a frame, so not every count is seen).
  expect(counts.filter((count) => /^×\d\d$/.test(count.text)).length).toBeGreaterThan(0);
  // The pulse was measured: the counter was drawn much larger in some frames than in others.
  const heights = counts.map((count) => count.height);
  expect(Math.max(...heights) / Math.min(...heights)).toBeGreaterThan(1.3);
  const outside = frames.flatMap((frame) =>
    cardTexts(frame)
      .filter((text) => frame.panel && !inside(text, frame.panel))
      .map((text) => `${Math.round(frame.at)} ms: "${text.text}" ${JSON.stringify(text)}`),
  );
  expect(outside, 'labels drawn past the card').toEqual([]);
});

test('scene: the default scene keeps its screens apart, the alert card clear of them at every frame', async ({
  page,
  relay,
}) => {
  await openOverlay(page, `${relay.server.baseUrl}/overlays/scene.html?demo&speed=2`);
  const scene = await readScene(page);
  expect(scene.state.warnings.filter((warning) => warning.includes('overlap'))).toEqual([]);
  const boxes = scene.state.boxes;
  expect(Object.keys(boxes).sort()).toEqual(['alerts', 'chat', 'goal', 'poll', 'sponsor']);
  // The demo plays a card of every tier, the legendary one last.
  const frames = await sampleFrames(page, 'legendary played');
  const tiers = new Set(frames.map((frame) => frame.alerts.tier));
  expect([...tiers]).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
  const problems: string[] = [];
  for (const frame of frames) {
    const panel = frame.panel;
    if (!panel) continue;
    // The card and the tier label above it.
    const badge = frame.texts.find(
      (text) => bottom(text) <= panel.y + 1 && bottom(text) > panel.y - 60 && text.x < panel.x + 80,
    );
    const card = badge
      ? { x: panel.x, y: badge.y, width: panel.width, height: bottom(panel) - badge.y }
      : panel;
    if (!inside(card, boxes.alerts!, 1)) problems.push(`${frame.at}: card leaves the alerts box`);
    for (const id of ['chat', 'poll', 'goal', 'sponsor']) {
      const other = frame.screens[id];
      if (other && other.width > 0 && overlap(card, other))
        problems.push(`${Math.round(frame.at)} ms: tier ${frame.alerts.tier} card over ${id}`);
    }
  }
  expect(problems).toEqual([]);
  // The other screens never draw over each other either (the alerts' rays and confetti may).
  const others = ['chat', 'poll', 'goal', 'sponsor'];
  const crossed = new Set<string>();
  for (const frame of frames) {
    others.forEach((a, index) => {
      for (const b of others.slice(index + 1)) {
        const [boxA, boxB] = [frame.screens[a], frame.screens[b]];
        if (boxA && boxB && boxA.width > 0 && boxB.width > 0 && overlap(boxA, boxB))
          crossed.add(`${a} and ${b}`);
      }
    });
  }
  expect([...crossed]).toEqual([]);
});

test('alerts: the storm banner shows over storm cards only, not over a single gift', async ({
  page,
  relay,
}) => {
  // The demo turns storm mode on while tier cards still wait, then plays a merged storm card.
  await openOverlay(page, `${relay.server.baseUrl}/overlays/alerts.html?demo&speed=3`);
  const frames = await sampleFrames(page, 'storm card played');
  expect(
    frames.some((frame) => frame.alerts.storm && frame.alerts.merged === false),
    'a single gift played while storm mode was on',
  ).toBe(true);
  expect(frames.some((frame) => frame.alerts.stormBanner && frame.alerts.merged === true)).toBe(
    true,
  );
  const wrong = frames.filter((frame) => frame.alerts.stormBanner && frame.alerts.merged !== true);
  expect(wrong.map((frame) => Math.round(frame.at))).toEqual([]);
});
