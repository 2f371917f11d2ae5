/**
 * Server processes as users run them (`npm start -- --redis URL`), sharing one config folder
 * and a real redis-server: rooms shared through Socket.IO's Redis streams adapter, each stream
 * written by one process, requests forwarded to the writer, a killed writer's stream taken over
 * from its journal, tokens scoped to their streams and revoked everywhere at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateConfig } from '../../overlay-server/auth/config-file';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import type { Ack } from '../../shared/protocol/ack';
import type { PollState } from '../../shared/protocol/channel-data';
import type { StateSnapshot, UpdateBatch } from '../../shared/protocol/channels';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { useRedis } from '../support/redis-server';
import { startTcpSwitch } from '../support/tcp-switch';
import { tokensCli } from '../support/tokens-cli';
import { instantGift, script, viewer } from './support/events';
import { type ServerProcess, spawnServer } from './support/server-process';

const redis = useRedis();

const servers: ServerProcess[] = [];
const sockets: Socket[] = [];
const homes: string[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
  spawnSync('redis-cli', ['-p', String(redis().port), 'FLUSHALL']);
});

/** One config folder for every process (as a shared volume would be), created before any starts. */
function sharedHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'limelight-cluster-'));
  homes.push(home);
  loadOrCreateConfig(home);
  return home;
}

async function startNode(home: string, node: string): Promise<ServerProcess> {
  const server = await spawnServer(home, [
    '--no-source',
    '--redis',
    redis().url,
    '--node',
    node,
    '--lease-ms',
    '1500',
  ]);
  servers.push(server);
  return server;
}

interface ClientOptions {
  streamer?: string;
  channels?: string[];
}

function client(server: ServerProcess, ns: string, token: string, options: ClientOptions = {}) {
  const socket = io(`${server.baseUrl}${ns}`, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    auth: {
      token,
      protocolVersion: PROTOCOL_VERSION,
      client: 'cluster-test',
      ...(options.streamer ? { streamer: options.streamer } : {}),
      ...(options.channels ? { channels: options.channels } : {}),
    },
  });
  sockets.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function refusalOf(socket: Socket): Promise<{ code: string; message: string }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected; expected a refusal')));
    socket.once('connect_error', (error: Error & { data?: { code: string; message: string } }) =>
      resolve(error.data ?? { code: 'none', message: error.message }),
    );
  });
}

function request<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 15_000) {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** What an overlay or panel was sent, to wait on. */
function received(socket: Socket) {
  const arrivals: Array<StateSnapshot | UpdateBatch> = [];
  socket.on('snapshot', (snapshot: StateSnapshot) => arrivals.push(snapshot));
  socket.on('updates', (batch: UpdateBatch) => arrivals.push(batch));
  return {
    arrivals,
    async until(check: () => boolean, what: string, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

const mentions = (arrival: StateSnapshot | UpdateBatch, text: string) =>
  JSON.stringify(arrival).includes(text);

/** The lines of the one journal in the shared folder. */
function journalLines(home: string): Array<{ type: string; fence?: number; holder?: string }> {
  const dir = join(home, 'streams');
  const [file] = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
  return readFileSync(join(dir, file ?? ''), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

async function health(server: ServerProcess) {
  const response = await fetch(`${server.baseUrl}/health`);
  return (await response.json()) as { node: string; streams: Array<{ streamer: string }> };
}

async function reportOf(server: ServerProcess, token: string): Promise<StreamReport> {
  const response = await fetch(`${server.baseUrl}/api/streams/current/report`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as StreamReport;
}

describe('a cluster of server processes on Redis', () => {
  it('shows a gift ingested on process B to an overlay on process A, and forwards ingest to the writer', async () => {
    const home = sharedHome();
    const a = await startNode(home, 'A');
    const b = await startNode(home, 'B');
    const s = script(Date.now());

    // The first event reaches B: B takes the stream's lease and writes it.
    const ingestB = await connected(client(b, '/ingest', b.tokens.ingest));
    expect(await request(ingestB, 'event', instantGift(s, 'ana', 5))).toMatchObject({ ok: true });
    expect((await health(b)).streams.map((x) => x.streamer)).toEqual(['default']);
    expect((await health(a)).streams).toEqual([]);

    // An overlay on A: its subscription is served by B, through the Redis adapter.
    const overlayA = client(a, '/overlay', a.tokens.overlay, {
      channels: ['alerts', 'leaderboard'],
    });
    const seen = received(overlayA);
    await connected(overlayA);
    await seen.until(() => seen.arrivals.some((x) => 'channels' in x), 'the snapshot on A');

    expect(await request(ingestB, 'event', instantGift(s, 'cara', 30))).toMatchObject({ ok: true });
    await seen.until(
      () => seen.arrivals.some((x) => 'updates' in x && mentions(x, 'cara')),
      "cara's gift on A",
    );

    // Ingest on A, which does not write the stream: forwarded to B, acknowledged once journaled.
    const ingestA = await connected(client(a, '/ingest', a.tokens.ingest));
    // The writer's journal position comes back with the forwarded ack.
    expect(await request(ingestA, 'event', instantGift(s, 'dan', 7))).toEqual({
      ok: true,
      data: { accepted: true, duplicate: false, seq: expect.any(Number) },
    });
    await seen.until(
      () => seen.arrivals.some((x) => 'updates' in x && mentions(x, 'dan')),
      "dan's gift on A",
    );
    expect((await health(a)).streams).toEqual([]);
    // Either process answers the report; A asks B.
    expect((await reportOf(a, a.tokens.owner)).coins).toBe(42);
    expect((await reportOf(b, b.tokens.owner)).coins).toBe(42);
  }, 60_000);

  it('moves a stream when its writer is killed (SIGKILL): the report equals what was acknowledged', async () => {
    const home = sharedHome();
    const a = await startNode(home, 'A');
    const b = await startNode(home, 'B');
    const s = script(Date.now());
    const tokens = a.tokens;

    // A writes the stream; everything else arrives on B and is forwarded.
    const ingestA = await connected(client(a, '/ingest', tokens.ingest));
    expect(await request(ingestA, 'event', instantGift(s, 'ana', 100))).toMatchObject({ ok: true });
    const ownerB = await connected(client(b, '/control', tokens.owner));
    expect(
      await request(ownerB, 'command', {
        type: 'poll.start',
        question: 'Cats or dogs?',
        options: [{ label: 'Cats' }, { label: 'Dogs' }],
      }),
    ).toMatchObject({ ok: true });
    const pollWatcher = client(b, '/overlay', tokens.overlay, { channels: ['poll'] });
    const watched = received(pollWatcher);
    await connected(pollWatcher);

    const ingestB = await connected(client(b, '/ingest', tokens.ingest));
    let coins = 100;
    let votes = { Cats: 0, Dogs: 0 };
    let questions = 0;
    let acked = 0;
    let killed = false;
    const send = async (event: LiveEvent) => {
      const ack = await request<{ accepted: boolean; duplicate: boolean }>(ingestB, 'event', event);
      // Forwarded to a live writer, or held until B took the stream over: never refused.
      expect(ack).toMatchObject({ ok: true });
      acked += 1;
    };
    for (let i = 0; acked < 120; i++) {
      if (i % 3 === 0) {
        await send(instantGift(s, `fan${i}`, 2));
        coins += 2;
      } else if (i % 3 === 1) {
        const cats = i % 2 === 0;
        await send(s.chat(viewer(`voter${i}`), cats ? '1' : '2'));
        votes = { ...votes, [cats ? 'Cats' : 'Dogs']: votes[cats ? 'Cats' : 'Dogs'] + 1 };
      } else {
        await send(s.question(viewer(`asker${i}`), `Question number ${i}?`));
        questions += 1;
      }
      if (acked === 50 && !killed) {
        killed = true;
        a.child.kill('SIGKILL');
      }
    }
    await a.exited;
    expect((await health(b)).streams.map((x) => x.streamer)).toEqual(['default']);
    // B marked the journal before reading it: lines after the mark from a stale A would not count.
    const journal = journalLines(home);
    const marks = journal.filter((line) => line.type === 'writer');
    expect(journal[0]).toMatchObject({ type: 'streamStart', fence: 1 });
    expect(marks.map((line) => [line.holder, line.fence])).toEqual([['B', 2]]);
    expect(journal.filter((line) => line.type === 'event').every((line) => line.fence)).toBe(true);

    const report = await reportOf(b, tokens.owner);
    expect(report.coins).toBe(coins);
    expect(report.questions).toBe(questions);
    const poll = report.polls.at(-1) as { options: Array<{ label: string; votes: number }> };
    expect(Object.fromEntries(poll.options.map((o) => [o.label, o.votes]))).toEqual(votes);

    // The overlay on B was sent a fresh snapshot by the new writer (its second), and then the
    // votes after it as updates: what it draws is every vote.
    await watched.until(
      () => watched.arrivals.filter((x) => 'channels' in x).length >= 2,
      'a snapshot from the new writer',
    );
    const panel = client(b, '/control', tokens.owner, { channels: ['poll'] });
    const panelSeen = received(panel);
    await connected(panel);
    await panelSeen.until(() => panelSeen.arrivals.length > 0, 'a poll snapshot');
    const current = ((panelSeen.arrivals[0] as StateSnapshot).channels.poll as PollState).current;
    expect(Object.fromEntries(current?.options.map((o) => [o.label, o.votes]) ?? [])).toEqual(
      votes,
    );
  }, 90_000);

  it('recovers a connection on another process: what it missed, no new snapshot', async () => {
    const home = sharedHome();
    const a = await startNode(home, 'A');
    const b = await startNode(home, 'B');
    const s = script(Date.now());
    const ingest = await connected(client(b, '/ingest', b.tokens.ingest));
    expect(await request(ingest, 'event', instantGift(s, 'ana', 1))).toMatchObject({ ok: true });

    // An overlay reaches A through a load balancer; the connection drops, and its next one
    // lands on B.
    const balancer = await startTcpSwitch(a.port);
    try {
      const overlay = io(`http://127.0.0.1:${balancer.port}/overlay`, {
        forceNew: true,
        reconnectionDelay: 100,
        reconnectionDelayMax: 200,
        transports: ['websocket'],
        auth: { token: a.tokens.overlay, protocolVersion: PROTOCOL_VERSION, client: 'blip' },
      });
      sockets.push(overlay);
      const seen = received(overlay);
      await connected(overlay);
      expect(await request(overlay, 'subscribe', ['alerts'])).toMatchObject({ ok: true });
      await seen.until(() => seen.arrivals.length === 1, 'the first snapshot');
      expect(await request(ingest, 'event', instantGift(s, 'before', 2))).toMatchObject({
        ok: true,
      });
      await seen.until(() => seen.arrivals.some((x) => mentions(x, 'before')), 'a gift before');

      balancer.pointAt(b.port);
      const back = new Promise((resolve) => overlay.once('connect', () => resolve(null)));
      balancer.cut();
      // Sent while the overlay is away: A keeps its session in Redis, B hands it over.
      expect(await request(ingest, 'event', instantGift(s, 'missed', 3))).toMatchObject({
        ok: true,
      });
      await back;
      expect(overlay.recovered).toBe(true);
      await seen.until(() => seen.arrivals.some((x) => mentions(x, 'missed')), 'the missed gift');
      expect(seen.arrivals.filter((x) => 'channels' in x)).toHaveLength(1);
      expect((await health(b)).streams.map((x) => x.streamer)).toEqual(['default']);
    } finally {
      await balancer.close();
    }
  }, 60_000);

  it('scopes tokens to their streams on every process, and closes a revoked token everywhere', async () => {
    const home = sharedHome();
    const a = await startNode(home, 'A');
    const b = await startNode(home, 'B');
    const issued = await clusterTokens(home, [
      'issue',
      '--role',
      'moderator',
      '--stream',
      'x',
      '--json',
    ]);
    const { id, secret } = JSON.parse(issued) as { id: string; secret: string };
    await untilHandshake(a, secret, 'connected');
    await untilHandshake(b, secret, 'connected');

    expect(await refusalOf(client(a, '/control', secret, { streamer: 'y' }))).toMatchObject({
      code: 'STREAM_NOT_GRANTED',
    });
    const panel = await connected(client(b, '/control', secret));
    expect(await request(panel, 'subscribe', ['poll'])).toMatchObject({
      ok: true,
      data: { streamer: 'x', role: 'moderator' },
    });

    const told = new Promise((resolve) => panel.once('refused', resolve));
    await clusterTokens(home, ['revoke', id]);
    expect(await told).toMatchObject({ code: 'TOKEN_REVOKED' });
    await untilHandshake(a, secret, 'TOKEN_REVOKED');
    expect(JSON.parse(await clusterTokens(home, ['list', '--json']))).toContainEqual(
      expect.objectContaining({ id, state: 'revoked', streamers: ['x'] }),
    );
  }, 60_000);
});

/** The outcome of a handshake with `token`: `connected`, or the refusal's code. */
async function handshake(server: ServerProcess, token: string): Promise<string> {
  const socket = client(server, '/control', token);
  const outcome = await new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) =>
      resolve(error.data?.code ?? 'none'),
    );
  });
  socket.disconnect();
  return outcome;
}

/**
 * Waits until `server` answers a handshake with `token` with `outcome`: every process hears a
 * token change from Redis at once, and re-reads the tokens every second in any case.
 */
async function untilHandshake(server: ServerProcess, token: string, outcome: string) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const got = await handshake(server, token);
    if (got === outcome) return;
    if (Date.now() > deadline) throw new Error(`${server.baseUrl} answered ${got}, not ${outcome}`);
    // Asked again a few times a second: each wrong answer counts against this address.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `npm run tokens` against the cluster's Redis, as an operator runs it. */
const clusterTokens = (home: string, args: string[]) =>
  tokensCli([...args, '--redis', redis().url, '--config', home]);
