/**
 * `npm run report -- FILE` and `npm start -- --replay FILE` read the same file the same way: the
 * fixture recordings of every payload shape (nested 2.0–2.2, nested 2.3+, flattened 1.x /
 * legacy) give the same totals through both, both print the same summary of every line, a
 * streak whose end never arrives counts the same in both, a file of unknown events names them,
 * and `--strict` turns a skipped line into exit code 1 on both.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import { type ServerProcess, spawnServer, stopServer } from './support/server-process';

const run = promisify(execFile);
const FIXTURES = 'tests/fixtures/recordings';

let server: ServerProcess | null = null;
const dirs: string[] = [];
afterEach(async () => {
  if (server) await stopServer(server);
  server = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'limelight-fidelity-'));
  dirs.push(dir);
  return dir;
};

/** `npm run report`, never throwing: its exit code, stdout and stderr. */
async function report(file: string, ...flags: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      'overlay-server/cli/report.ts',
      file,
      ...flags,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The input summary block for `name` in some output: its head line and indented lines. */
function summaryOf(output: string, name: string): string | null {
  const lines = output.split('\n');
  const head = lines.findIndex((line) => line.startsWith(`${name}: `) && line.includes(' read: '));
  if (head < 0) return null;
  const block = [lines[head]];
  for (const line of lines.slice(head + 1)) {
    if (!line.startsWith('  ')) break;
    block.push(line);
  }
  return block.join('\n');
}

async function until<T>(probe: () => T | null | Promise<T | null>, what: string): Promise<T> {
  for (let tries = 0; tries < 600; tries++) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Replays `file` at full speed; resolves with the summary it printed and its report. */
async function replay(file: string, name: string) {
  server = await spawnServer(join(tempDir(), 'home'), ['--replay', file, '--speed', 'max']);
  const running = server;
  const summary = await until(() => summaryOf(running.output(), name), 'the replay summary');
  const response = await fetch(`${running.baseUrl}/api/streams/current/report`, {
    headers: { authorization: `Bearer ${running.tokens.owner}` },
  });
  return { summary, report: (await response.json()) as StreamReport };
}

const TOTALS = [
  'coins',
  'guestCoins',
  'gifts',
  'giftsByName',
  'topGifters',
  'followers',
  'shares',
  'likes',
  'peakViewers',
  'chatMessages',
  'uniqueChatters',
  'questions',
  'treasureChests',
] as const;
const totalsOf = (r: StreamReport) => Object.fromEntries(TOTALS.map((key) => [key, r[key]]));

const KNOWN: Record<string, Partial<StreamReport>> = {
  'shape-nested-v2.jsonl': {
    coins: 1008,
    gifts: 3,
    giftsByName: { Rose: { units: 8, coins: 8 }, Galaxy: { units: 1, coins: 1000 } },
    followers: 1,
    // TikTok's stated share count (13) wins over the two shares counted; memberCount 801 is a
    // viewer sample like viewerCount 800.
    shares: 13,
    likes: 1500,
    peakViewers: 801,
    chatMessages: 2,
    uniqueChatters: 2,
    questions: 0,
    treasureChests: 500,
  },
  'shape-nested-v3.jsonl': {
    coins: 1008,
    gifts: 3,
    giftsByName: { Rose: { units: 8, coins: 8 }, Galaxy: { units: 1, coins: 1000 } },
    followers: 1,
    // TikTok's stated share count (13) wins over the two shares counted; memberCount 801 is a
    // viewer sample like viewerCount 800.
    shares: 13,
    likes: 1500,
    peakViewers: 801,
    chatMessages: 2,
    uniqueChatters: 2,
    questions: 0,
    treasureChests: 500,
  },
  'shape-flat.jsonl': {
    coins: 28,
    gifts: 2,
    giftsByName: { 'Nevalyashka doll': { units: 1, coins: 25 }, Rose: { units: 3, coins: 3 } },
    followers: 2,
    shares: 1,
    likes: 21349,
    peakViewers: 630,
    chatMessages: 2,
    uniqueChatters: 2,
    questions: 2,
    treasureChests: 120,
  },
};

describe('report and replay of every payload shape', () => {
  it.each(Object.keys(KNOWN))(
    '%s: the known totals and the same summary through both',
    async (name) => {
      const file = `${FIXTURES}/${name}`;
      const fromReport = await report(file);
      expect(fromReport.code).toBe(0);
      const reported = JSON.parse(fromReport.stdout) as StreamReport;
      expect(reported).toMatchObject(KNOWN[name] ?? {});
      const replayed = await replay(file, name);
      expect(totalsOf(replayed.report)).toEqual(totalsOf(reported));
      expect(replayed.summary).toBe(summaryOf(fromReport.stderr, name));
      const shape = name === 'shape-flat.jsonl' ? 'flattened (1.x / legacy)' : 'nested';
      expect(replayed.summary).toContain(`  payload shapes: ${shape}`);
    },
    60_000,
  );
});

describe('a streak whose end never arrives', () => {
  it('commits by the quiet period at the end of the file in both, and the summary says so', async () => {
    const dir = tempDir();
    const file = join(dir, 'unended.jsonl');
    const at = 1_766_000_000_000;
    const user = { idStr: '7000000000000000001', displayId: 'ana', nickname: 'Ana' };
    const frame = (count: number) =>
      JSON.stringify({
        event: 'gift',
        data: {
          common: { msgId: `91${count}`, createTime: String(at + count * 300) },
          giftId: '5655',
          repeatCount: count,
          repeatEnd: 0,
          groupId: 'g1',
          user,
          gift: { id: '5655', name: 'Rose', type: 1, diamondCount: 1 },
        },
        at: at + count * 300,
      });
    writeFileSync(file, `${[frame(1), frame(2), frame(3)].join('\n')}\n`);
    const fromReport = await report(file);
    expect(JSON.parse(fromReport.stdout)).toMatchObject({ coins: 3, gifts: 1 });
    const settled =
      '  gift streaks with no end, committed by the quiet period at the end of the input: 1';
    expect(summaryOf(fromReport.stderr, 'unended.jsonl')).toContain(settled);
    const replayed = await replay(file, 'unended.jsonl');
    expect(replayed.report).toMatchObject({ coins: 3, gifts: 1 });
    expect(replayed.summary).toBe(summaryOf(fromReport.stderr, 'unended.jsonl'));
  }, 60_000);
});

describe('a streak that goes quiet in the middle of a file', () => {
  it('commits where its quiet period ends in both; only the last one is left for the end', async () => {
    const file = join(tempDir(), 'quiet.jsonl');
    const at = 1_766_000_000_000;
    const user = (n: number) => ({
      idStr: `70000000000000000${n}`,
      displayId: `v${n}`,
      nickname: `V${n}`,
    });
    const gift = (id: string, time: number, who: number, group: string, count: number) =>
      JSON.stringify({
        event: 'gift',
        data: {
          common: { msgId: id, createTime: String(time) },
          giftId: '5655',
          repeatCount: count,
          repeatEnd: 0,
          groupId: group,
          user: user(who),
          gift: { id: '5655', name: 'Rose', type: 1, diamondCount: 1 },
        },
        at: time,
      });
    const chat = (id: string, time: number) =>
      JSON.stringify({
        event: 'chat',
        data: { common: { msgId: id, createTime: String(time) }, user: user(3), content: 'hi' },
        at: time,
      });
    // v1's Rose ×4 loses its end; 20 s later a chat, then v2's Rose ×2 also never ends.
    const lines = [
      gift('801', at, 1, 'a', 2),
      gift('802', at + 300, 1, 'a', 4),
      chat('803', at + 20_300),
      gift('804', at + 21_000, 2, 'b', 2),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const fromReport = await report(file);
    expect(JSON.parse(fromReport.stdout)).toMatchObject({ coins: 6, gifts: 2 });
    const summary = summaryOf(fromReport.stderr, 'quiet.jsonl');
    expect(summary).toContain(
      '  gift streaks with no end, committed by the quiet period at the end of the input: 1',
    );
    const replayed = await replay(file, 'quiet.jsonl');
    expect(replayed.report).toMatchObject({ coins: 6, gifts: 2 });
    expect(replayed.summary).toBe(summary);
  }, 60_000);
});

describe('a journal', () => {
  it('reports and replays to the same totals and the same summary as a recording does', async () => {
    const name = 'shape-nested-v2.jsonl';
    const home = join(tempDir(), 'home');
    server = await spawnServer(home, ['--replay', `${FIXTURES}/${name}`, '--speed', 'max']);
    const first = server;
    await until(() => summaryOf(first.output(), name), 'the replay summary');
    // A clean stop ends the stream: the journal holds the replay's events, its settling tick
    // and its end.
    await stopServer(first);
    server = null;
    const [journalName] = readdirSync(join(home, 'streams')).filter((n) => n.endsWith('.jsonl'));
    if (!journalName) throw new Error('the replay wrote no journal');
    const journal = join(home, 'streams', journalName);
    const fromReport = await report(journal);
    expect(fromReport.code).toBe(0);
    const reported = JSON.parse(fromReport.stdout) as StreamReport;
    expect(reported).toMatchObject(KNOWN[name] ?? {});
    const summary = summaryOf(fromReport.stderr, journalName);
    expect(summary).toContain('4 journal records');
    expect(summary).toContain(
      '  gift streaks with no end, committed by the quiet period at the end of the input: 1',
    );
    const replayed = await replay(journal, journalName);
    expect(totalsOf(replayed.report)).toEqual(totalsOf(reported));
    expect(replayed.summary).toBe(summary);
  }, 90_000);
});

describe('a file of events no mapping knows', () => {
  it('names them and their counts instead of a bare "no events"', async () => {
    const file = join(tempDir(), 'unknown.jsonl');
    const line = (event: string, n: number) =>
      JSON.stringify({ event, data: { common: { msgId: String(n) } }, at: 1_766_000_000_000 + n });
    const names = ['hourlyRank', 'rankUpdate', 'hourlyRank', 'inRoomBanner', 'hourlyRank'];
    writeFileSync(file, `${names.map(line).join('\n')}\n`);
    const fromReport = await report(file);
    expect(fromReport.code).toBe(1);
    expect(fromReport.stderr).not.toContain('no events in this file');
    expect(summaryOf(fromReport.stderr, 'unknown.jsonl')).toBe(
      [
        'unknown.jsonl: 5 lines read: 0 events, 0 duplicates, 5 skipped',
        '  skipped lines by reason:',
        '    5 × unknown event (lines 1, 2, 3 and 2 more)',
        '  unknown events: hourlyRank 3, inRoomBanner 1, rankUpdate 1',
      ].join('\n'),
    );
    expect(fromReport.stderr).toContain('no line is an event, so there is nothing to report');
    server = await spawnServer(join(tempDir(), 'home'), ['--replay', file, '--speed', 'max']);
    const running = server;
    const replayed = await until(
      () => summaryOf(running.output(), 'unknown.jsonl'),
      'the replay summary',
    );
    expect(replayed).toBe(summaryOf(fromReport.stderr, 'unknown.jsonl'));
  }, 60_000);
});

describe('--strict', () => {
  it('makes report exit 1 on a file with skipped lines, and 0 on a clean one', async () => {
    const skipped = await report(`${FIXTURES}/shape-nested-v3.jsonl`, '--strict');
    expect(skipped.code).toBe(1);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ coins: 1008 });
    expect(skipped.stderr).toContain('--strict: 6 skipped lines');
    const clean = await report(`${FIXTURES}/shape-flat.jsonl`, '--strict');
    expect(clean.code).toBe(0);
  });

  it('makes a replay exit 1 once the file is read when a line was skipped', async () => {
    const home = join(tempDir(), 'home');
    server = await spawnServer(home, [
      '--replay',
      `${FIXTURES}/shape-nested-v2.jsonl`,
      '--speed',
      'max',
      '--strict',
    ]);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('--strict: 6 skipped lines');
    expect(summaryOf(server.output(), 'shape-nested-v2.jsonl')).toContain('6 skipped');
  }, 60_000);

  it('lets a replay of a clean file run on', async () => {
    server = await spawnServer(join(tempDir(), 'home'), [
      '--replay',
      `${FIXTURES}/shape-flat.jsonl`,
      '--speed',
      'max',
      '--strict',
    ]);
    const running = server;
    await until(() => summaryOf(running.output(), 'shape-flat.jsonl'), 'the replay summary');
    const health = await fetch(`${running.baseUrl}/health`).then((r) => r.json());
    expect(health).toMatchObject({ ok: true, sources: [{ source: 'replay', state: 'ended' }] });
    expect(running.child.exitCode).toBeNull();
  }, 60_000);
});
