/**
 * The actions overlay (actions.html) in Chromium against the real server: a follow fires a
 * rule that plays an uploaded video clip and shows a text with the viewer's name. The clip is
 * a real WebM, recorded in the browser from a canvas (MediaRecorder) and uploaded through the
 * server's clip API; the page's test hook says its video element played. A chat command's alert
 * action shows its variant on the alerts overlay.
 */
import type { Page } from '@playwright/test';
import type { ClipsState } from '../../shared/protocol/actions/actions-data';
import { script, viewer } from '../integration/support/events';
import { expect, openOverlay, readScene, screenState, test } from './support/overlay-relay';

/** Records a short WebM (VP8) of a moving square on a canvas, in the page; its bytes as base64. */
function recordWebm(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    const recorder = new MediaRecorder(canvas.captureStream(30), {
      mimeType: 'video/webm;codecs=vp8',
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((done) => {
      recorder.onstop = done;
    });
    recorder.start();
    // Forty frames drawn, one per animation frame, then the recording ends.
    for (let frame = 0; frame < 40; frame += 1) {
      context.fillStyle = '#202030';
      context.fillRect(0, 0, 160, 90);
      context.fillStyle = '#ff2e63';
      context.fillRect(frame * 3, 30, 30, 30);
      await new Promise((done) => requestAnimationFrame(done));
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
}

interface ClipOnPage {
  clipId: string;
  state: string;
  played: boolean;
  currentTime: number;
  volume: number;
}

const clipsOnPage = async (page: Page): Promise<ClipOnPage[]> => {
  const state = screenState(await readScene(page), 'actions');
  return [...(state.clips as ClipOnPage[]), ...(state.finishedClips as ClipOnPage[])];
};

test('a follow plays the uploaded clip and shows the viewer in a text, drawn as text', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('actions'));
  const webm = Buffer.from(await recordWebm(page), 'base64');
  const { baseUrl, tokens } = relay.server;
  const uploaded = await fetch(`${baseUrl}/api/clips`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tokens.owner}`, 'x-clip-name': 'square.webm' },
    body: new Uint8Array(webm),
  });
  expect(uploaded.status).toBe(200);
  const clipId = ((await uploaded.json()) as { data: ClipsState }).data.clips.find(
    (clip) => clip.name === 'square.webm',
  )?.id;
  expect(clipId).toMatch(/^[0-9a-f]{32}\.webm$/);

  await relay.command({
    type: 'actions.settings',
    settings: { concurrency: { overlay: 2, timer: 1, obs: 1, alerts: 1 } },
  });
  const rule = await relay.command<{ id: string }>({
    type: 'actions.saveRule',
    rule: {
      name: 'Welcome clip',
      trigger: { kind: 'follow' },
      actions: [
        { kind: 'clip', clipId, volume: 0.5, seconds: 20 },
        { kind: 'text', text: 'Welcome {nickname}!', seconds: 20 },
      ],
    },
  });
  // The relay is shared by every overlay spec: the rule goes when this test ends.
  try {
    const s = script(Date.now());
    await relay.send([s.follow(viewer('ana', { nickname: '<img src=x onerror=alert(1)> Ana' }))]);

    await expect
      .poll(async () => (await clipsOnPage(page)).find((clip) => clip.clipId === clipId))
      .toMatchObject({ played: true, volume: 0.5 });
    await expect
      .poll(
        async () =>
          (await clipsOnPage(page)).find((clip) => clip.clipId === clipId)?.currentTime ?? 0,
      )
      .toBeGreaterThan(0);
    const { texts } = await readScene(page);
    expect(texts).toContain('Welcome <img src=x onerror=alert(1)> Ana!');
    // The name stayed text: no element was made from it.
    expect(await page.locator('img').count()).toBe(0);
  } finally {
    await relay.command({ type: 'actions.removeRule', ruleId: rule.id });
  }
});

test('?demo shows a text and a countdown without a server', async ({ page, relay }) => {
  await openOverlay(page, relay.overlayUrl('actions', { demo: '' }));
  await expect
    .poll(async () => (await readScene(page)).texts.some((text) => text.startsWith('Thank you')))
    .toBe(true);
  await expect
    .poll(async () => (screenState(await readScene(page), 'actions').timers as unknown[]).length)
    .toBe(1);
});

test('a chat command shows the rule alert variant on the alerts overlay, with the viewer', async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('alerts'));
  // Cards queued earlier on the shared server (the first test's follow) play first: the card
  // looked for is the one the command brings, so the stage is let go quiet before it is fired.
  await expect
    .poll(async () => {
      const alerts = screenState(await readScene(page), 'alerts');
      return { current: alerts.current, waiting: alerts.waiting, paused: alerts.paused };
    })
    .toEqual({ current: null, waiting: 0, paused: false });
  const rule = await relay.command<{ id: string }>({
    type: 'actions.saveRule',
    rule: {
      name: 'Hype card',
      trigger: { kind: 'command', command: '!hype' },
      actions: [{ kind: 'alert', variant: 'gift', tier: 4 }],
    },
  });
  try {
    const s = script(Date.now());
    await relay.send([s.chat(viewer('hyper', { nickname: 'Hyper Fan' }), '!hype')]);
    await expect
      .poll(async () => screenState(await readScene(page), 'alerts').current)
      .toMatchObject({ id: expect.stringMatching(/^action-/), tier: 4 });
    await expect.poll(async () => (await readScene(page)).texts).toContain('Hyper Fan');
  } finally {
    await relay.command({ type: 'actions.removeRule', ruleId: rule.id });
  }
});
