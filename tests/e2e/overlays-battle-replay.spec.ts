/**
 * A recorded battle replayed through the real server (`npm start -- --replay FILE`, real time)
 * into the battle overlay in Chromium: the connector's own payloads are mapped, and the page's
 * scores are read from its scene graph as each score message arrives — the streamer's side
 * first although TikTok lists the rival first, the winner at the end, then a three-side
 * multi-guest battle decided by points. The stream's report lists both, the gifts counted once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import { type ServerProcess, spawnServer, stopServer } from '../integration/support/server-process';
import { expect, openOverlay, readScene, screenState, test } from './support/overlay-relay';

const RECORDING = 'tests/fixtures/recordings/battle-nested-v3.jsonl';

let server: ServerProcess | null = null;
let home = '';
test.afterEach(async () => {
  if (server) await stopServer(server);
  server = null;
  if (home) rmSync(home, { recursive: true, force: true });
});

test('a recorded battle replays live on the battle overlay, then in the report', async ({
  page,
}, testInfo) => {
  home = mkdtempSync(join(tmpdir(), 'limelight-e2e-battle-'));
  server = await spawnServer(home, ['--replay', RECORDING, '--speed', '2']);
  const token = encodeURIComponent(server.tokens.overlay);
  await openOverlay(page, `${server.baseUrl}/overlays/battle.html?token=${token}`);
  const battle = async () =>
    screenState(await readScene(page), 'battle') as {
      battleId: string | null;
      status: string | null;
      layout: string | null;
      sides: Array<{ name: string; score: number }>;
      scores: number[];
      statusText: string;
    };

  // At twice real time each score message holds for about a second and a half; polling every
  // 100 ms sees every one.
  const often = { intervals: [100] };
  await expect
    .poll(async () => (await battle()).battleId, { timeout: 20_000 })
    .toBe('7300000000000000101');
  expect((await battle()).sides.map((side) => side.name)).toEqual(['Hana (host)', 'Rio']);
  await expect.poll(async () => (await battle()).scores, often).toEqual([5, 0]);
  await expect.poll(async () => (await battle()).scores, often).toEqual([1005, 1500]);
  await expect.poll(async () => (await battle()).scores, often).toEqual([2105, 1500]);
  await expect.poll(async () => (await battle()).status, often).toBe('ended');
  expect((await battle()).statusText).toBe('Victory! 🏆');
  await page.screenshot({
    path: testInfo.outputPath('replayed-battle-won.png'),
    omitBackground: true,
  });

  await expect
    .poll(async () => (await battle()).battleId, { timeout: 20_000 })
    .toBe('7300000000000000102');
  expect((await battle()).layout).toBe('rows');
  await expect.poll(async () => (await battle()).scores, often).toEqual([300, 900, 450]);
  await expect.poll(async () => (await battle()).status, often).toBe('ended');
  const ended = await battle();
  expect(ended.scores).toEqual([950, 900, 450]);
  expect(ended.statusText).toBe('Victory! 🏆');
  expect(ended.sides.map((side) => side.name)).toEqual(['Hana (host)', 'Rio', 'Sky']);

  // The replayed stream's report (over HTTP, owner token) lists both battles; coins are the
  // gifts alone (a Rose ×5 and a Galaxy), not the battle points.
  const running = server;
  const auth = { authorization: `Bearer ${running.tokens.owner}` };
  const report = (await fetch(`${running.baseUrl}/api/streams/current/report`, {
    headers: auth,
  }).then((response) => response.json())) as StreamReport;
  expect(report.coins).toBe(1005);
  expect(report.battles.map((b) => b.sides.map((side) => side.score))).toEqual([
    [2105, 1500],
    [950, 900, 450],
  ]);
});
