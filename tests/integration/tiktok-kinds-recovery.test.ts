/**
 * What TikTok's other messages changed survives a kill -9: lines TikTok removed stay off the
 * chat (and their question stays dismissed), the battle keeps its points, the streamer's TikTok
 * goal keeps its progress — all rebuilt from the journal by the restarted server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelStates } from '../../shared/protocol/channel-data';
import type { StateSnapshot } from '../../shared/protocol/channels';
import { script, viewer } from './support/events';
import { request } from './support/relay-app';
import { type ServerProcess, spawnServer } from './support/server-process';
import { connectTo, stopAll } from './support/server-sockets';

const started: ServerProcess[] = [];
const sockets: Socket[] = [];
let home = '';
afterEach(() => stopAll(started, sockets, home));

function connect(server: ServerProcess, ns: string, token: string): Promise<Socket> {
  return connectTo(server, ns, token, 'kinds-recovery', sockets);
}

type Watched = Pick<ChannelStates, 'chat' | 'battle' | 'goals' | 'qna'>;

async function statesOf(server: ServerProcess): Promise<Watched> {
  const panel = await connect(server, '/control', server.tokens.owner);
  const snapshot = new Promise<StateSnapshot>((resolve) => panel.once('snapshot', resolve));
  const ack = await request(panel, 'subscribe', ['chat', 'battle', 'goals', 'qna']);
  expect(ack.ok).toBe(true);
  return (await snapshot).channels as Watched;
}

describe('TikTok kinds across a crash', () => {
  it('keeps removed lines removed, the battle and the TikTok goal after kill -9', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-kinds-crash-'));
    const first = await spawnServer(home);
    started.push(first);
    const ingest = await connect(first, '/ingest', first.tokens.ingest);
    const s = script(Date.now());
    const me = viewer('crash.me');
    const rival = viewer('crash.rival');
    const kept = s.chat(viewer('crash.kind'), 'a line that stays');
    const asked = s.chat(viewer('crash.rude'), 'Q: why is everything so slow here?');
    const events = [
      s.streamStart(me.handle),
      kept,
      asked,
      s.chat(viewer('crash.spam'), 'spam'),
      s.imDelete([asked.id], ['u-crash.spam']),
      s.battle('cb1', 'scores', [
        [rival, 70],
        [me, 130],
      ]),
      s.goalUpdate('cg1', 12, 50),
    ];
    const ack = await request(ingest, 'events', events);
    expect(ack).toMatchObject({ ok: true, data: { accepted: events.length } });
    const before = await statesOf(first);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnServer(home);
    started.push(second);
    expect(second.output()).toContain('resumed stream');
    const after = await statesOf(second);
    expect(after.chat.lines.map((line) => line.text)).toEqual(['a line that stays']);
    expect(after.qna.questions.map((q) => [q.text, q.status])).toEqual([
      ['why is everything so slow here?', 'dismissed'],
    ]);
    expect(after.battle.current?.sides.map((side) => [side.host?.handle, side.score])).toEqual([
      ['crash.me', 130],
      ['crash.rival', 70],
    ]);
    expect(after.goals.goals.find((goal) => goal.kind === 'tiktok')).toMatchObject({
      current: 12,
      target: 50,
    });
    expect(after.chat).toEqual(before.chat);
    expect(after.battle).toEqual(before.battle);
  }, 60_000);
});
