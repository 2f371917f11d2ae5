/**
 * A server killed with SIGKILL in the middle of a stream and started again keeps every
 * acknowledged coin, vote and question: the journal is written before each ack, and the
 * unfinished stream is resumed on start.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { PollState } from '../../shared/protocol/channel-data';
import type { StateSnapshot } from '../../shared/protocol/channels';
import { instantGift, script, viewer } from './support/events';
import { request } from './support/relay-app';
import { type ServerProcess, spawnServer } from './support/server-process';
import { connectTo, stopAll } from './support/server-sockets';

const started: ServerProcess[] = [];
const sockets: Socket[] = [];
let home = '';
afterEach(() => stopAll(started, sockets, home));

function connect(server: ServerProcess, ns: string, token: string): Promise<Socket> {
  return connectTo(server, ns, token, 'crash-test', sockets);
}

async function reportOf(server: ServerProcess): Promise<StreamReport> {
  const response = await fetch(`${server.baseUrl}/api/streams/current/report`, {
    headers: { authorization: `Bearer ${server.tokens.owner}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as StreamReport;
}

async function pollOf(server: ServerProcess): Promise<PollState> {
  const panel = await connect(server, '/control', server.tokens.owner);
  const snapshot = new Promise<StateSnapshot>((resolve) => panel.once('snapshot', resolve));
  const ack = await request(panel, 'subscribe', ['poll']);
  expect(ack.ok).toBe(true);
  return (await snapshot).channels.poll as PollState;
}

describe('crash recovery', () => {
  it('keeps every acknowledged coin, vote and question after kill -9', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-crash-'));
    const first = await spawnServer(home);
    started.push(first);
    const ingest = await connect(first, '/ingest', first.tokens.ingest);
    const owner = await connect(first, '/control', first.tokens.owner);
    const s = script(Date.now());

    const poll = await request(owner, 'command', {
      type: 'poll.start',
      question: 'Cats or dogs?',
      options: [{ label: 'Cats' }, { label: 'Dogs' }],
    });
    expect(poll).toMatchObject({ ok: true });
    const known = [
      instantGift(s, 'ana', 100),
      ...[1, 2, 3].map((count) =>
        s.gift(viewer('bo'), { count, end: count === 3, groupId: 'bo-1' }),
      ),
      s.chat(viewer('v1'), '1'),
      s.chat(viewer('v2'), '2'),
      s.chat(viewer('v3'), '1'),
      s.question(viewer('q1'), 'What camera do you use?'),
      s.question(viewer('q2'), 'Where are you streaming from?'),
    ];
    const ack = await request(ingest, 'events', known);
    expect(ack).toMatchObject({ ok: true, data: { accepted: known.length } });

    // A stream in full flow, one acknowledged coin at a time, killed mid-way.
    let acknowledged = 0;
    let sent = 0;
    const flow = script(Date.now());
    const flowing = (async () => {
      for (;;) {
        sent += 1;
        const reply = await request<{ accepted: boolean }>(
          ingest,
          'event',
          instantGift(flow, 'fan', 1),
        ).catch(() => null);
        if (!reply?.ok) return;
        acknowledged += 1;
      }
    })();
    while (acknowledged < 50) await new Promise((resolve) => setImmediate(resolve));
    const before = await pollOf(first);
    first.child.kill('SIGKILL');
    await first.exited;
    await flowing;

    const second = await spawnServer(home);
    started.push(second);
    expect(second.output()).toContain('resumed stream');
    const report = await reportOf(second);
    const flowCoins = report.coins - 103;
    expect(flowCoins).toBeGreaterThanOrEqual(acknowledged);
    expect(flowCoins).toBeLessThanOrEqual(sent);
    expect(report.questions).toBe(2);
    expect(report.giftsByName.Rose).toEqual({ units: 3, coins: 3 });

    const after = await pollOf(second);
    const votes = (state: PollState) => state.current?.options.map((o) => [o.label, o.votes]);
    expect(votes(after)).toEqual([
      ['Cats', 2],
      ['Dogs', 1],
    ]);
    expect(votes(after)).toEqual(votes(before));
  }, 60_000);
});
