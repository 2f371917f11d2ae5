/**
 * `npm run report` on recorded streams with known totals (the sample recordings: Rose ×3 = 3
 * coins, 15 likes, 12 peak viewers, 1 follow, 1 question, 1 chat), and the same stream replayed
 * through the server, journaled, and reported over HTTP and from its journal.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import { type ServerProcess, spawnServer, stopServer } from './support/server-process';

const run = promisify(execFile);
// The project's copies of the design kit's sample recordings (CI has no fixed path to the kit).
const SAMPLES = [
  'tests/fixtures/recordings/sample-recording-v2.jsonl',
  'tests/fixtures/recordings/sample-recording-v3.jsonl',
];

const KNOWN = {
  coins: 3,
  gifts: 1,
  giftsByName: { Rose: { units: 3, coins: 3 } },
  topGifters: [{ handle: 'ana_b', nickname: 'Ana', coins: 3 }],
  likes: 15,
  peakViewers: 12,
  followers: 1,
  questions: 1,
  chatMessages: 1,
  uniqueChatters: 1,
};

function report(file: string, format = 'json') {
  return run(process.execPath, [
    '--import',
    'tsx',
    'overlay-server/cli/report.ts',
    file,
    '--format',
    format,
  ]);
}

let server: ServerProcess | null = null;
let home = '';
afterEach(async () => {
  if (server) await stopServer(server);
  server = null;
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('npm run report', () => {
  it.each(SAMPLES)('reports the known totals of %s', async (file) => {
    const { stdout } = await report(file);
    const json = JSON.parse(stdout) as StreamReport;
    expect(json).toMatchObject(KNOWN);
    for (const key of [
      'diamonds',
      'estimatedPayoutUsd',
      'revenueModel',
      'shares',
      'averageViewers',
      'engagementRate',
      'durationSeconds',
      'polls',
      'sponsorSegments',
    ]) {
      expect(json).toHaveProperty(key);
    }
    const csv = (await report(file, 'csv')).stdout;
    expect(csv.split('\n')[0]).toBe('key,value');
    expect(csv).toContain('\ncoins,3\n');
    expect(csv).toContain('\ngiftsByName.Rose.units,3\n');
    const md = (await report(file, 'md')).stdout;
    expect(md).toContain('| coins (committed) | 3 |');
    expect(md).toContain('| @ana_b | Ana | 3 |');
  });

  it('refuses an unknown format with exit code 2', async () => {
    await expect(report(SAMPLES[0] ?? '', 'xml')).rejects.toMatchObject({ code: 2 });
  });

  it('reports a replayed stream the same from HTTP and from its journal', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-report-'));
    server = await spawnServer(home, ['--replay', SAMPLES[1] ?? '', '--speed', 'max']);
    const auth = { authorization: `Bearer ${server.tokens.owner}` };
    let streams: Array<{ streamId: string; endedAt: number | null }> = [];
    // The sample ends with streamEnd: wait until the stream is listed as ended.
    for (let tries = 0; tries < 200 && !streams[0]?.endedAt; tries++) {
      const listed = await fetch(`${server.baseUrl}/api/streams`, { headers: auth }).then((r) =>
        r.json(),
      );
      streams = (listed as { streams: typeof streams }).streams;
      if (!streams[0]?.endedAt) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const id = streams[0]?.streamId ?? '';
    expect(streams[0]?.endedAt).not.toBeNull();
    const overHttp = await fetch(`${server.baseUrl}/api/streams/${id}/report`, {
      headers: auth,
    }).then((r) => r.json());
    expect(overHttp).toMatchObject(KNOWN);
    const md = await fetch(
      `${server.baseUrl}/api/streams/${id}/report?format=md&token=${server.tokens.moderator}`,
    );
    expect(md.headers.get('content-type')).toContain('text/markdown');
    const forbidden = await fetch(
      `${server.baseUrl}/api/streams/${id}/report?token=${server.tokens.overlay}`,
    );
    expect(forbidden.status).toBe(403);
    const fromJournal = JSON.parse(
      (await report(join(home, 'streams', `${id}.jsonl`))).stdout,
    ) as StreamReport;
    expect(fromJournal).toMatchObject(KNOWN);
    expect(fromJournal.streamId).toBe(id);
  }, 60_000);
});
