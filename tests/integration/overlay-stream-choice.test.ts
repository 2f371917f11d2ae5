/**
 * An overlay token granted several streams: `npm run tokens -- issue --role overlay` prints one
 * URL per page and stream, naming the stream (`&stream=`), and an overlay connecting as such a
 * URL says (`streamer` in its handshake, as overlays/stage/connection.ts sends it) is served that
 * stream; a stream the token does not grant is refused with STREAM_NOT_GRANTED. The server as
 * users run it, the CLI as an owner runs it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/ack';
import type { StateSnapshot, UpdateBatch } from '../../shared/protocol/channels';
import type { IngestBatchResult } from '../../shared/protocol/namespaces';
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { tokensCli } from '../support/tokens-cli';
import { script, viewer } from './support/events';
import { type ServerProcess, spawnServer } from './support/server-process';
import { stopAll } from './support/server-sockets';

const servers: ServerProcess[] = [];
const sockets: Socket[] = [];
let home = '';
afterEach(async () => {
  await stopAll(servers, sockets, home);
  home = '';
});

interface Issued {
  secret: string;
  links: string[];
}

async function issue(baseUrl: string, role: string, streams: string[]): Promise<Issued> {
  const stream = streams.flatMap((name) => ['--stream', name]);
  const printed = await tokensCli(
    ['issue', '--role', role, ...stream, '--url', baseUrl, '--json'],
    { LIMELIGHT_HOME: home },
  );
  return JSON.parse(printed) as Issued;
}

/**
 * A client as an overlay page at `url` connects (the page's token and stream in its handshake),
 * once the running server knows the token: it re-reads the tokens file every second, so a token
 * the CLI just issued may be refused UNAUTHORIZED for a moment. Resolves with the connected
 * socket and the chat it was sent, or the refusal's code.
 */
async function overlayAt(
  url: URL,
  streamOverride?: string,
): Promise<{ socket: Socket; seen: () => string } | string> {
  const stream = streamOverride ?? url.searchParams.get('stream');
  return whenKnown(() =>
    io(`${url.origin}/overlay`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: {
        token: url.searchParams.get('token'),
        protocolVersion: PROTOCOL_VERSION,
        client: 'overlay:chat',
        ...(stream ? { streamer: stream } : {}),
      },
    }),
  );
}

async function whenKnown(
  open: () => Socket,
): Promise<{ socket: Socket; seen: () => string } | string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const socket = open();
    sockets.push(socket);
    const seen = chatSeen(socket);
    const result = await outcome(socket);
    if (result === 'connected') return { socket, seen };
    if (result !== 'UNAUTHORIZED' || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function connectedClient(result: { socket: Socket; seen: () => string } | string) {
  if (typeof result === 'string') throw new Error(`refused: ${result}`);
  return result;
}

/** The chat texts an overlay was sent, in snapshots and updates. */
function chatSeen(socket: Socket): () => string {
  let seen = '';
  socket.on('snapshot', (snapshot: StateSnapshot) => {
    seen += JSON.stringify(snapshot.channels);
  });
  socket.on('updates', (batch: UpdateBatch) => {
    seen += JSON.stringify(batch.updates);
  });
  return () => seen;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('overlay URLs name the stream of a token granted several', () => {
  it('prints a URL per stream, serves each URL its stream, and refuses a stream not granted', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-overlay-streams-'));
    const server = await spawnServer(home);
    servers.push(server);

    // Issued at once, as several owners might: the tokens file takes each under its lock.
    const [single, agency, benSource, anaSource] = await Promise.all([
      issue(server.baseUrl, 'overlay', ['ana']),
      issue(server.baseUrl, 'overlay', ['ana', 'ben']),
      issue(server.baseUrl, 'ingest', ['ben']),
      issue(server.baseUrl, 'ingest', ['ana']),
    ]);
    expect(single.links).toHaveLength(OVERLAY_PAGES.length);
    expect(single.links.every((link) => !link.includes('stream='))).toBe(true);

    expect(agency.links).toHaveLength(2 * OVERLAY_PAGES.length);
    const chatUrl = (stream: string) => {
      const line = agency.links.find((link) => link.startsWith(`${stream}/chat `)) ?? '';
      return new URL(line.split(/\s+/).at(-1) ?? '');
    };
    expect(chatUrl('ben').searchParams.get('stream')).toBe('ben');
    expect(chatUrl('ben').pathname).toBe('/overlays/chat.html');
    expect(chatUrl('ana').searchParams.get('stream')).toBe('ana');

    const s = script(Date.now());
    await send(server, benSource.secret, [s.streamStart(), s.chat(viewer('bo'), 'hello from ben')]);
    await send(server, anaSource.secret, [s.chat(viewer('al'), 'hello from ana')]);

    const ben = connectedClient(await overlayAt(chatUrl('ben')));
    expect(await request(ben.socket, 'subscribe', ['chat'])).toMatchObject({ ok: true });
    await until(() => ben.seen().includes('hello from ben'), "ben's chat on ben's overlay");
    expect(ben.seen()).not.toContain('hello from ana');

    // The same token without a stream: its first, ana.
    const first = connectedClient(await overlayAt(chatUrl('ana'), ''));
    expect(await request(first.socket, 'subscribe', ['chat'])).toMatchObject({ ok: true });
    await until(() => first.seen().includes('hello from ana'), "ana's chat on the token's first");
    expect(first.seen()).not.toContain('hello from ben');

    expect(await overlayAt(chatUrl('ben'), 'cara')).toBe('STREAM_NOT_GRANTED');
  });
});

function request<T>(socket: Socket, event: string, payload: unknown) {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** `connected`, or the refusal's code. */
function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error: Error & { data?: { code: string } }) =>
      resolve(error.data?.code ?? error.message),
    );
  });
}

/** Sends events with an ingest token, once the running server knows it. */
async function send(server: ServerProcess, token: string, events: unknown[]): Promise<void> {
  const source = connectedClient(
    await whenKnown(() =>
      io(`${server.baseUrl}/ingest`, {
        forceNew: true,
        reconnection: false,
        transports: ['websocket'],
        auth: { token, protocolVersion: PROTOCOL_VERSION, client: 'test:ingest' },
      }),
    ),
  );
  const ack = await request<IngestBatchResult>(source.socket, 'events', events);
  expect(ack).toMatchObject({ ok: true, data: { accepted: events.length } });
  source.socket.disconnect();
}
