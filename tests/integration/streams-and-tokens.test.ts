/**
 * Many streams on one server, and the tokens that open them: each stream is a room of its own
 * (live room, ledger, journal, subscription rooms); a token acts only on the streams it grants,
 * until it is revoked or expires, within its rate budget; a Firefox install is pinned to the
 * token it paired with. Real server, real Socket.IO clients.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenRegistry } from '../../overlay-server/auth/token-registry';
import { newRoleTokens } from '../../overlay-server/auth/tokens';
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { Ack } from '../../shared/protocol/ack';
import type { Role } from '../../shared/protocol/roles';
import { instantGift, script } from './support/events';
import { type RunningRelay, request, startRelay, watchClient } from './support/relay-app';

const relays: RunningRelay[] = [];
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop();
});

async function deployment(options: Parameters<typeof startRelay>[0] = {}) {
  const roleTokens = newRoleTokens();
  const registry = new TokenRegistry(roleTokens);
  const relay = await startRelay({ tokens: roleTokens, registry, ...options });
  relays.push(relay);
  const issue = async (role: Role, streamers: string[], expiresAt: number | null = null) =>
    (await registry.issue({ role, streamers, expiresAt })).secret;
  return { relay, registry, issue };
}

function refusal(socket: Socket): Promise<{ code: string; message: string }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected; a refusal was expected')));
    socket.once('connect_error', (error: Error & { data?: { code: string; message: string } }) =>
      resolve(error.data ?? { code: 'none', message: error.message }),
    );
  });
}

function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function report(relay: RunningRelay, token: string, streamer?: string) {
  const query = streamer ? `?streamer=${streamer}` : '';
  const response = await fetch(`${relay.baseUrl}/api/streams/current/report${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as StreamReport & Ack<never> };
}

describe('many streams on one server', () => {
  it('refuses a moderator token of stream X on stream Y, and keeps each stream apart', async () => {
    const { relay, issue } = await deployment();
    const ownerX = await issue('owner', ['x']);
    const modX = await issue('moderator', ['x']);
    const ingestX = await issue('ingest', ['x']);
    const ingestY = await issue('ingest', ['y']);
    const overlayY = await issue('overlay', ['y']);

    expect(await refusal(relay.client('/control', { token: modX, streamer: 'y' }))).toMatchObject({
      code: 'STREAM_NOT_GRANTED',
    });
    // Not on the default stream either: the config's stream is another stream.
    expect(
      await refusal(relay.client('/control', { token: modX, streamer: 'default' })),
    ).toMatchObject({ code: 'STREAM_NOT_GRANTED' });
    const mod = await connected(relay.client('/control', { token: modX }));
    expect(await request(mod, 'subscribe', ['poll'])).toMatchObject({
      ok: true,
      data: { role: 'moderator', streamer: 'x', streamers: ['x'] },
    });

    const onY = relay.client('/overlay', { token: overlayY, channels: ['alerts'] });
    const seenOnY = watchClient(onY);
    await connected(onY);
    const s = script(Date.now());
    const x = await connected(relay.client('/ingest', { token: ingestX }));
    const y = await connected(relay.client('/ingest', { token: ingestY }));
    expect(await request(x, 'event', instantGift(s, 'xavier', 40))).toMatchObject({ ok: true });
    expect(await request(y, 'event', instantGift(s, 'yolanda', 3))).toMatchObject({ ok: true });
    await seenOnY.until(
      () => seenOnY.batches.some((b) => JSON.stringify(b).includes('yolanda')),
      "y's gift on y's overlay",
    );
    expect(JSON.stringify(seenOnY.arrivals)).not.toContain('xavier');

    // An ingest token of Y cannot write to X.
    expect(await refusal(relay.client('/ingest', { token: ingestY, streamer: 'x' }))).toMatchObject(
      {
        code: 'STREAM_NOT_GRANTED',
      },
    );
    expect((await report(relay, ownerX)).body.coins).toBe(40);
    expect(await report(relay, ownerX, 'y')).toMatchObject({
      status: 403,
      body: { code: 'STREAM_NOT_GRANTED' },
    });
    expect((await report(relay, relay.tokens.owner)).status).toBe(404);
    // Each stream's journal lives in its own folder.
    expect(existsSync(join(relay.dataDir, 'streamers', 'x', 'streams'))).toBe(true);
    expect(existsSync(join(relay.dataDir, 'streamers', 'y', 'streams'))).toBe(true);
  });

  it('lets a token of several streams choose among them', async () => {
    const { relay, issue } = await deployment();
    const agency = await issue('moderator', ['x', 'y']);
    const first = await connected(relay.client('/control', { token: agency }));
    expect(await request(first, 'subscribe', ['poll'])).toMatchObject({
      data: { streamer: 'x', streamers: ['x', 'y'] },
    });
    const second = await connected(relay.client('/control', { token: agency, streamer: 'y' }));
    expect(await request(second, 'subscribe', ['poll'])).toMatchObject({
      data: { streamer: 'y', streamers: ['x', 'y'] },
    });
  });
});

describe('tokens that are revoked or expire', () => {
  it('refuses them at the handshake and closes their live sockets, saying why', async () => {
    const { relay, registry, issue } = await deployment({ tokenCheckEveryMs: 100 });
    const mod = await issue('moderator', ['x']);
    const panel = await connected(relay.client('/control', { token: mod }));
    const told = new Promise((resolve) => panel.once('refused', resolve));
    const closed = new Promise((resolve) => panel.once('disconnect', resolve));
    const id = registry.lookup(mod)?.id ?? '';
    await registry.revoke(id);
    expect(await told).toMatchObject({ code: 'TOKEN_REVOKED' });
    expect(await closed).toBe('io server disconnect');
    expect(await refusal(relay.client('/control', { token: mod }))).toMatchObject({
      code: 'TOKEN_REVOKED',
    });

    const expired = await issue('overlay', ['x'], Date.now() - 1);
    expect(await refusal(relay.client('/overlay', { token: expired }))).toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
    const brief = await issue('ingest', ['x'], Date.now() + 1_500);
    const source = await connected(relay.client('/ingest', { token: brief }));
    const expiredLive = new Promise((resolve) => source.once('refused', resolve));
    expect(await expiredLive).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect((await fetch(`${relay.baseUrl}/api/streams?token=${mod}`)).status).toBe(401);
  });
});

describe('per-token rate limits', () => {
  it('refuses an /ingest flood of 2,000 messages beyond the token budget, counted across its sockets', async () => {
    let now = 1_000_000;
    const { relay } = await deployment({ rateClock: () => now });
    const s = script(Date.now());
    // Two sockets of one token: the budget (500/s, burst 1,000) is the token's, not each
    // socket's; each handshake costs one message.
    const sockets = await Promise.all([
      relay.connect('/ingest', 'ingest'),
      relay.connect('/ingest', 'ingest'),
    ]);
    const flood = async (count: number) => {
      const acks = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          request(sockets[i % 2] as Socket, 'event', instantGift(s, `flood${i}`, 1)),
        ),
      );
      return {
        accepted: acks.filter((ack) => ack.ok).length,
        refused: acks.filter((ack) => !ack.ok && ack.code === 'RATE_LIMITED').length,
      };
    };
    // The clock stands still: 2,000 messages in one instant.
    expect(await flood(2_000)).toEqual({ accepted: 998, refused: 1_002 });
    // One second later the budget has refilled by 500 messages.
    now += 1_000;
    expect(await flood(600)).toEqual({ accepted: 500, refused: 100 });
    expect(relay.app.relay.report()?.gifts).toBe(1_498);
  });

  it('limits panels and overlays per token too, and wrong tokens per address', async () => {
    let now = 1_000_000;
    const { relay } = await deployment({ rateClock: () => now });
    const panel = await relay.connect('/control', 'owner');
    const commands = await Promise.all(
      Array.from({ length: 60 }, () => request(panel, 'command', { type: 'nope' })),
    );
    // Burst 40, less the handshake: 39 answered (refused as unknown), 21 rate-limited.
    expect(commands.filter((ack) => !ack.ok && ack.code === 'RATE_LIMITED')).toHaveLength(21);

    const refusals = [];
    for (let i = 0; i < 22; i++)
      refusals.push((await refusal(relay.client('/overlay', { token: `wrong-token-${i}` }))).code);
    expect(refusals.slice(0, 20).every((code) => code === 'UNAUTHORIZED')).toBe(true);
    expect(refusals.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // The address waits even with a good token, until its allowance refills.
    expect(await refusal(relay.client('/overlay', { token: relay.tokens.overlay }))).toMatchObject({
      code: 'RATE_LIMITED',
    });
    now += 6_000;
    await connected(relay.client('/overlay', { token: relay.tokens.overlay }));
  });
});

describe('the Firefox extension', () => {
  it('pins the first Firefox install to use a token; another install is refused until unpinned', async () => {
    const { relay, registry, issue } = await deployment();
    const mod = await issue('moderator', ['x']);
    const first = 'moz-extension://0b2f1c7e-7c1a-4d8e-9f55-6f0e5b1a2c3d';
    const other = 'moz-extension://9d3c2b1a-1111-4222-8333-444455556666';
    await connected(relay.client('/control', { token: mod, origin: first }));
    const id = registry.lookup(mod)?.id ?? '';
    expect(registry.byId(id)?.pinnedOrigin).toBe(first);
    await connected(relay.client('/control', { token: mod, origin: first }));
    expect(await refusal(relay.client('/control', { token: mod, origin: other }))).toMatchObject({
      code: 'ORIGIN_REFUSED',
    });
    await registry.unpin(id);
    await connected(relay.client('/control', { token: mod, origin: other }));
    expect(registry.byId(id)?.pinnedOrigin).toBe(other);
  });
});
