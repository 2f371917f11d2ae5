/**
 * A battle through the real server: ingested events reach an overlay on the `battle` channel,
 * the battle's gift counts once, and the report lists the battle with its sides, points and
 * result — over HTTP in every format, and from the journal through `npm run report`.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import { type EngineRoom, startEngineRoom } from './support/engine-room';
import { script, viewer } from './support/events';

const run = promisify(execFile);
const me = viewer('me');
const rival = viewer('rival');
const guest = viewer('guest');

let room: EngineRoom | null = null;
afterEach(async () => {
  await room?.stop();
  room = null;
});

const reportFile = (file: string, format: string) =>
  run(process.execPath, [
    '--import',
    'tsx',
    'overlay-server/cli/report.ts',
    file,
    '--format',
    format,
  ]);

describe('battles through the server', () => {
  it('shows a battle live, counts its gift once and lists it in every report', async () => {
    room = await startEngineRoom();
    const overlay = await room.overlay(['battle']);
    const s = script(Date.now());
    await room.push(
      s.streamStart('me'),
      s.battle('b1', 'start', [
        [rival, null],
        [me, null],
      ]),
    );
    await room.push(
      s.gift(viewer('ana'), { name: 'Corgi', coins: 299, type: 2 }),
      s.battle('b1', 'scores', [
        [rival, 50],
        [me, 299],
      ]),
    );
    const live = await overlay.stateWhere(
      'battle',
      (state) => state.current?.sides[0]?.score === 299,
      'the score update on the overlay',
    );
    expect(live.current?.sides.map((side) => [side.host?.handle, side.score])).toEqual([
      ['me', 299],
      ['rival', 50],
    ]);
    await room.push(
      s.battle(
        'b1',
        'end',
        [
          [rival, 50],
          [me, 299],
        ],
        me,
      ),
    );
    await overlay.stateWhere('battle', (state) => state.current?.status === 'ended', 'the end');
    // A multi-guest battle of three sides after it, still running when the report is read.
    await room.push(
      s.battle('m1', 'scores', [
        [me, 10],
        [rival, 30],
        [guest, 20],
      ]),
    );
    await overlay.stateWhere('battle', (state) => state.current?.id === 'm1', 'the second battle');

    const report = await room.report();
    expect(report.coins).toBe(299);
    expect(report.battles).toEqual([
      expect.objectContaining({
        battleId: 'b1',
        status: 'ended',
        winnerHostId: me.id,
        sides: [
          expect.objectContaining({ handle: 'me', score: 299, streamer: true, result: 'win' }),
          expect.objectContaining({ handle: 'rival', score: 50, streamer: false, result: 'lose' }),
        ],
      }),
      expect.objectContaining({
        battleId: 'm1',
        status: 'running',
        sides: [
          expect.objectContaining({ handle: 'me', score: 10 }),
          expect.objectContaining({ handle: 'rival', score: 30 }),
          expect.objectContaining({ handle: 'guest', score: 20 }),
        ],
      }),
    ]);

    const http = (format: string) =>
      fetch(`${room?.relay.baseUrl}/api/streams/current/report?format=${format}`, {
        headers: { authorization: `Bearer ${room?.relay.tokens.owner}` },
      }).then((response) => response.text());
    const md = await http('md');
    expect(md).toContain('## Battles');
    expect(md).toMatch(/\| @me \(streamer\) 299 · @rival 50 \| @me won \|/);
    expect(md).toMatch(/\| @me \(streamer\) 10 · @rival 30 · @guest 20 \| running \|/);
    const csv = await http('csv');
    expect(csv).toContain('\nbattles.0.sides.0.score,299\n');
    expect(csv).toContain('\nbattles.1.sides.2.handle,guest\n');

    // The journal holds the battle: the report rebuilt from it says the same.
    const journal = join(room.relay.dataDir, 'streams', `${report.streamId}.jsonl`);
    const fromJournal = JSON.parse((await reportFile(journal, 'json')).stdout) as StreamReport;
    expect(fromJournal.battles).toEqual(report.battles);
    expect(fromJournal.coins).toBe(299);
    expect((await reportFile(journal, 'md')).stdout).toContain('| @me won |');
  }, 60_000);

  it('reports the battles of a raw recording, the gifts counted once', async () => {
    const file = 'tests/fixtures/recordings/battle-nested-v3.jsonl';
    const report = JSON.parse((await reportFile(file, 'json')).stdout) as StreamReport;
    // A Rose ×5 and a Galaxy: the battle points (2,105 and 950 for the host) add nothing.
    expect(report.coins).toBe(1005);
    const sides = (index: number) =>
      report.battles[index]?.sides.map((side) => [side.handle, side.score, side.result]);
    expect(report.battles.map((battle) => [battle.status, battle.draw])).toEqual([
      ['ended', false],
      ['ended', false],
    ]);
    // TikTok listed the rival first; the LIVE intro named the host, whose side comes first.
    expect(sides(0)).toEqual([
      ['host.hana', 2105, 'win'],
      ['rival.rio', 1500, 'lose'],
    ]);
    expect(sides(1)).toEqual([
      ['host.hana', 950, 'win'],
      ['rival.rio', 900, 'lose'],
      ['guest.sky', 450, 'lose'],
    ]);
    const md = (await reportFile(file, 'md')).stdout;
    expect(md).toContain('| @host.hana (streamer) 2105 · @rival.rio 1500 | @host.hana won |');
    const csv = (await reportFile(file, 'csv')).stdout;
    expect(csv).toContain('\nbattles.1.sides.2.handle,guest.sky\n');
  }, 30_000);
});
