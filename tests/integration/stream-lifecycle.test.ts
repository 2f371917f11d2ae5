/**
 * What a stream becomes when the server stops. A clean stop (SIGINT or SIGTERM) ends it: the
 * journal ends with a streamEnd, the next start begins afresh and the report says when it
 * ended. A crash (SIGKILL) leaves it unfinished, and the next start resumes it; the demo
 * simulator then goes on with a new seeded segment instead of its script from the beginning.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { instantGift, script } from './support/events';
import { request } from './support/relay-app';
import { type ServerProcess, spawnServer } from './support/server-process';
import { stopAll } from './support/server-sockets';

const started: ServerProcess[] = [];
const sockets: Socket[] = [];
let home = '';
afterEach(() => stopAll(started, sockets, home));

async function start(args: string[] = ['--no-source']): Promise<ServerProcess> {
  const server = await spawnServer(home, args);
  started.push(server);
  return server;
}

async function ingest(server: ServerProcess, events: LiveEvent[]): Promise<void> {
  const socket = io(`${server.baseUrl}/ingest`, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    auth: { token: server.tokens.ingest, protocolVersion: PROTOCOL_VERSION, client: 'lifecycle' },
  });
  sockets.push(socket);
  await new Promise<void>((done, failed) => {
    socket.once('connect', () => done());
    socket.once('connect_error', failed);
  });
  expect(await request(socket, 'events', events)).toMatchObject({ ok: true });
}

async function getJson<T>(server: ServerProcess, path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${server.tokens.owner}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type JournalLine = { type: string; reason?: string; event?: LiveEvent };
const journal = (streamId: string): JournalLine[] =>
  readFileSync(join(home, 'streams', `${streamId}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalLine);

async function currentStreamId(server: ServerProcess): Promise<string> {
  const report = await getJson<StreamReport>(server, '/api/streams/current/report');
  return report.streamId;
}

describe('stream lifecycle across stops', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'a clean stop (%s) ends the stream; the next start does not resume it',
    async (signal) => {
      home = mkdtempSync(join(tmpdir(), 'limelight-life-'));
      const first = await start();
      await ingest(first, [instantGift(script(Date.now()), 'ana', 500)]);
      const streamId = await currentStreamId(first);
      first.child.kill(signal);
      expect(await first.exited).toBe(0);
      expect(journal(streamId).at(-1)).toMatchObject({ type: 'streamEnd', reason: 'stopped' });

      const second = await start();
      expect(second.output()).not.toContain('resumed stream');
      const { streams } = await getJson<{
        streams: Array<{ streamId: string; endedAt: number | null; current: boolean }>;
      }>(second, '/api/streams');
      expect(streams).toEqual([expect.objectContaining({ streamId, current: false })]);
      expect(streams[0]?.endedAt).toEqual(expect.any(Number));
      const report = await getJson<StreamReport>(second, `/api/streams/${streamId}/report`);
      expect(report).toMatchObject({ streamId, coins: 500, endedAt: expect.any(Number) });
      const md = await fetch(`${second.baseUrl}/api/streams/${streamId}/report?format=md`, {
        headers: { authorization: `Bearer ${second.tokens.owner}` },
      });
      expect(await md.text()).not.toContain('running');
    },
  );

  it('a crash (SIGKILL) leaves the stream unfinished, and the next start resumes it', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-life-'));
    const first = await start();
    await ingest(first, [instantGift(script(Date.now()), 'ana', 500)]);
    const streamId = await currentStreamId(first);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(journal(streamId).some((line) => line.type === 'streamEnd')).toBe(false);

    const second = await start();
    expect(second.output()).toContain(`resumed stream ${streamId}`);
    const report = await getJson<StreamReport>(second, '/api/streams/current/report');
    expect(report).toMatchObject({ streamId, coins: 500, endedAt: null });
  });

  it('the demo stream resumed after a crash goes on with new gifts and a rising like total', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-life-'));
    const demo = ['--speed', '30'];
    const first = await start(demo);
    const streamId = await currentStreamId(first);
    const events = () =>
      journal(streamId).flatMap((line) =>
        line.type === 'event' && line.event ? [line.event] : [],
      );
    const gifts = (list: LiveEvent[]) =>
      list.flatMap((e) =>
        e.kind === 'gift' ? [`${e.user.id} ${e.gift.name} ×${e.repeatCount}`] : [],
      );
    await expect.poll(() => gifts(events()).length, { timeout: 20_000 }).toBeGreaterThan(10);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = events();
    const likesBefore = Math.max(
      ...before.map((e) => (e.kind === 'like' ? (e.roomTotal ?? 0) : 0)),
    );
    expect(likesBefore).toBeGreaterThan(0);

    const second = await start(demo);
    expect(second.output()).toContain(`resumed stream ${streamId}`);
    expect(second.output()).toContain('simulated mid stream, seed 1, continued');
    const sinceRestart = () => events().slice(before.length);
    await expect.poll(() => gifts(sinceRestart()).length, { timeout: 20_000 }).toBeGreaterThan(10);
    // Not the seed's script again: the first gifts after the restart are not the first run's.
    expect(gifts(sinceRestart()).slice(0, 10)).not.toEqual(gifts(before).slice(0, 10));
    expect(sinceRestart().some((e) => e.kind === 'streamStart')).toBe(false);
    // The like total goes on from where it was: every total after the restart is above it.
    const likesAfter = sinceRestart().flatMap((e) => (e.kind === 'like' ? [e.roomTotal ?? 0] : []));
    expect(likesAfter.length).toBeGreaterThan(0);
    expect(Math.min(...likesAfter)).toBeGreaterThan(likesBefore);
  }, 60_000);
});
