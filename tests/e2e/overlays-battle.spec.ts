/**
 * A link-mic battle through the real server into the battle overlay, in Chromium: the sides'
 * points are read back from the page's scene graph (`window.__limelight`) as they arrive, the
 * streamer's side first, the result at the end; a multi-guest battle gets a row per side; the
 * scene page draws the battle among its parts.
 */
import type { BattleEvent } from '../../shared/events/battle';
import { script, viewer } from '../integration/support/events';
import {
  alphaAt,
  CORNERS,
  expect,
  expectTexts,
  keepScreenshot,
  openOverlay,
  readScene,
  screenState,
  test,
} from './support/overlay-relay';

const streamer = viewer('e2e.streamer', { nickname: 'Streamer Sam' });
const rival = viewer('e2e.rival', { nickname: 'Rival Ray' });
const guestA = viewer('e2e.guest.a', { nickname: 'Guest Ada' });
const guestB = viewer('e2e.guest.b', { nickname: 'Guest Bo' });

/** The battle overlay's own report of what it draws. */
async function battleOnPage(page: Parameters<typeof readScene>[0], id = 'battle') {
  return screenState(await readScene(page), id) as {
    battleId: string | null;
    visible: boolean;
    status: string | null;
    layout: string | null;
    sides: Array<{ hostId: string; name: string; score: number }>;
    scores: number[];
    winnerHostId: string | null;
    draw: boolean;
    statusText: string;
  };
}

test.describe('battle overlay on the real server', () => {
  test('shows both sides live, the streamer first, and the winner at the end', async ({
    page,
    relay,
  }, testInfo) => {
    await openOverlay(page, relay.overlayUrl('battle'));
    const s = script(Date.now());
    const battleId = `e2e-${Date.now()}`;
    // TikTok lists the rival first: the overlay still puts the streamer's side first.
    await relay.send([
      s.streamStart(streamer.handle),
      s.battle(battleId, 'start', [
        [rival, null],
        [streamer, null],
      ]),
    ]);
    await expect.poll(async () => (await battleOnPage(page)).battleId).toBe(battleId);
    const started = await battleOnPage(page);
    expect(started).toMatchObject({ visible: true, layout: 'versus', status: 'running' });
    expect(started.sides.map((side) => side.name)).toEqual(['Streamer Sam', 'Rival Ray']);
    expect(started.scores).toEqual([0, 0]);

    // A gift to the streamer and a score update, then the rival's answer. A one-coin gift: the
    // worker's server is shared with overlays.spec, whose top-gifters board must still list Jo.
    await relay.send([
      s.gift(viewer('e2e.fan'), { name: 'Rose', coins: 1, type: 2 }),
      s.battle(battleId, 'scores', [
        [rival, 0],
        [streamer, 299],
      ]),
    ]);
    await expect.poll(async () => (await battleOnPage(page)).scores).toEqual([299, 0]);
    const scores = { ...s.battle(battleId, 'scores', []), sides: [] } as BattleEvent;
    scores.sides = [
      { hostId: rival.id, host: null, score: 1200, result: null },
      { hostId: streamer.id, host: null, score: 450, result: null },
    ];
    await relay.send([scores]);
    await expect.poll(async () => (await battleOnPage(page)).scores).toEqual([450, 1200]);
    await expectTexts(page, ['Streamer Sam', 'Rival Ray', '450', '1,200', 'LIVE']);
    const running = await keepScreenshot(page, testInfo.outputPath('battle-running.png'));
    expect(await alphaAt(page, running, CORNERS)).toEqual([0, 0, 0, 0]);

    await relay.send([
      s.battle(
        battleId,
        'end',
        [
          [rival, 1200],
          [streamer, 2100],
        ],
        streamer,
      ),
    ]);
    await expect.poll(async () => (await battleOnPage(page)).status).toBe('ended');
    const ended = await battleOnPage(page);
    expect(ended).toMatchObject({ winnerHostId: streamer.id, draw: false, scores: [2100, 1200] });
    await expectTexts(page, ['Victory! 🏆', '2,100']);
    await keepScreenshot(page, testInfo.outputPath('battle-won.png'));
  });

  test('gives each side of a multi-guest battle its row, also on the scene page', async ({
    page,
    relay,
  }, testInfo) => {
    await openOverlay(page, relay.overlayUrl('scene', { show: 'battle@top,chat@bottom-left*0.8' }));
    const s = script(Date.now());
    const battleId = `e2e-multi-${Date.now()}`;
    await relay.send([
      s.streamStart(streamer.handle),
      s.battle(battleId, 'scores', [
        [guestA, 300],
        [streamer, 120],
        [rival, 90],
        [guestB, 640],
      ]),
    ]);
    await expect.poll(async () => (await battleOnPage(page)).battleId).toBe(battleId);
    const multi = await battleOnPage(page);
    expect(multi.layout).toBe('rows');
    expect(multi.sides.map((side) => [side.name, side.score])).toEqual([
      ['Streamer Sam', 120],
      ['Guest Ada', 300],
      ['Rival Ray', 90],
      ['Guest Bo', 640],
    ]);
    await relay.send([
      s.battle(battleId, 'end', [
        [guestA, 700],
        [streamer, 120],
        [rival, 90],
        [guestB, 700],
      ]),
    ]);
    await expect.poll(async () => (await battleOnPage(page)).draw).toBe(true);
    expect((await battleOnPage(page)).scores).toEqual([120, 700, 90, 700]);
    await expectTexts(page, ['Draw!', 'Guest Bo']);
    await keepScreenshot(page, testInfo.outputPath('battle-multi-scene.png'));
  });
});
