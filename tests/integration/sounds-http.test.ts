/**
 * Sounds through the real server: the owner uploads them (type by content, size limit), they are
 * stored under the stream's config folder and listed on the `sounds` channel with the settings
 * (master volume, mute, which sound each tier and gift plays) that overlays follow live; a
 * stream's sounds are its own; a "play a sound" action naming a sound the stream has (uploaded
 * or bundled) runs, one naming a missing sound fails with its reason and the next rule runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenRegistry } from '../../overlay-server/auth/token-registry';
import { newRoleTokens } from '../../overlay-server/auth/tokens';
import type { ActionsState } from '../../shared/protocol/actions/actions-data';
import type { SoundSettings, SoundsState } from '../../shared/protocol/sounds';
import { dataOf, type EngineRoom, startEngineRoom } from './support/engine-room';
import { putDeclaringSize } from './support/oversized-upload';
import { type RunningRelay, startRelay } from './support/relay-app';

let room: EngineRoom | null = null;
const relays: RunningRelay[] = [];
afterEach(async () => {
  await room?.stop();
  room = null;
  for (const relay of relays.splice(0)) await relay.stop();
});

/** A WAV header (RIFF, WAVE) and a few silent samples. */
const WAV = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x24, 0x08, 0, 0]),
  Buffer.from('WAVEfmt '),
  Buffer.alloc(2000, 0),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const query = (streamer?: string) => (streamer ? `?streamer=${streamer}` : '');

function upload(
  baseUrl: string,
  token: string,
  body: Buffer,
  name = 'ding.wav',
  streamer?: string,
) {
  return fetch(`${baseUrl}/api/sounds${query(streamer)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'x-sound-name': encodeURIComponent(name) },
    body: new Uint8Array(body),
  });
}

function configure(baseUrl: string, token: string, settings: unknown) {
  return fetch(`${baseUrl}/api/sounds/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
}

async function refused(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(((await response.json()) as { code: string }).code).toBe(code);
}

const storedFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name !== 'sounds.json') : [];

describe('sounds over HTTP', () => {
  it('stores an upload, serves it to overlays, and settings reach overlays live', async () => {
    room = await startEngineRoom();
    const { tokens, baseUrl, dataDir } = room.relay;
    const overlay = await room.overlay(['sounds']);
    expect(overlay.latest('sounds')?.settings).toMatchObject({ volume: 1, muted: false });

    const stored = await upload(baseUrl, tokens.owner, WAV, 'Ding 🔔.wav');
    expect(stored.status).toBe(200);
    const id = ((await stored.json()) as { data: SoundsState }).data.sounds[0]?.id ?? '';
    expect(id).toMatch(/^[0-9a-f]{32}\.wav$/);
    expect(readFileSync(join(dataDir, 'sounds', id))).toEqual(WAV);
    expect(statSync(join(dataDir, 'sounds', id)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'sounds')).mode & 0o777).toBe(0o700);
    const listed = await overlay.stateWhere('sounds', (s) => s.sounds.length === 1, 'listed');
    expect(listed.sounds[0]).toEqual({
      id,
      name: 'Ding 🔔.wav',
      type: 'audio/wav',
      bytes: WAV.length,
    });

    const served = await fetch(`${baseUrl}/sounds/${id}?token=${tokens.overlay}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(WAV);

    const settings: SoundSettings = {
      volume: 0.35,
      muted: true,
      tiers: { '5': id, '1': 'tier-2' },
      gifts: { Lion: id },
    };
    expect((await configure(baseUrl, tokens.owner, settings)).status).toBe(200);
    await overlay.stateWhere(
      'sounds',
      (s) => s.settings.muted && s.settings.volume === 0.35,
      'mix',
    );
    expect(overlay.latest('sounds')?.settings).toEqual(settings);

    // Removed: its file goes, and the settings that named it fall back to the tier's own.
    const removed = await fetch(`${baseUrl}/api/sounds/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tokens.owner}` },
    });
    expect(removed.status).toBe(200);
    const after = await overlay.stateWhere(
      'sounds',
      (s) => s.sounds.length === 0 && s.settings.volume === 0.35,
      'removed',
    );
    expect(after.settings).toEqual({
      volume: 0.35,
      muted: true,
      tiers: { '1': 'tier-2' },
      gifts: {},
    });
    expect(storedFiles(join(dataDir, 'sounds'))).toEqual([]);
    expect((await fetch(`${baseUrl}/sounds/${id}?token=${tokens.overlay}`)).status).toBe(404);
  });

  it('refuses other roles, other types, sounds over the limit and bad settings: nothing stored', async () => {
    room = await startEngineRoom();
    const { tokens, baseUrl, port, dataDir } = room.relay;
    await refused(await upload(baseUrl, tokens.moderator, WAV), 403, 'FORBIDDEN');
    await refused(await upload(baseUrl, tokens.overlay, WAV), 403, 'FORBIDDEN');
    await refused(await upload(baseUrl, 'not-a-token', WAV), 401, 'UNAUTHORIZED');
    await refused(await upload(baseUrl, tokens.owner, PNG, 'cat.wav'), 415, 'BAD_PAYLOAD');
    await refused(await fetch(`${baseUrl}/sounds/${'0'.repeat(32)}.wav`), 401, 'UNAUTHORIZED');
    const tooLarge = await putDeclaringSize(
      port,
      '/api/sounds',
      tokens.owner,
      6 * 1024 * 1024,
      WAV,
    );
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ code: 'TOO_LARGE' });
    const mix = { volume: 0.5, muted: false, tiers: {}, gifts: {} };
    await refused(await configure(baseUrl, tokens.moderator, mix), 403, 'FORBIDDEN');
    await refused(
      await configure(baseUrl, tokens.owner, { ...mix, volume: 2 }),
      400,
      'BAD_PAYLOAD',
    );
    await refused(
      await configure(baseUrl, tokens.owner, { ...mix, loud: true }),
      400,
      'BAD_PAYLOAD',
    );
    const missing = { ...mix, tiers: { '3': `${'b'.repeat(32)}.ogg` } };
    await refused(await configure(baseUrl, tokens.owner, missing), 404, 'NOT_FOUND');
    expect(storedFiles(join(dataDir, 'sounds'))).toEqual([]);
    const listed = await fetch(`${baseUrl}/api/sounds`, {
      headers: { authorization: `Bearer ${tokens.moderator}` },
    });
    const state = ((await listed.json()) as { data: SoundsState }).data;
    expect(state.sounds).toEqual([]);
    expect(state.settings.volume).toBe(1);
  });

  it("a stream's sounds are its own: stream A's upload is not visible to stream B", async () => {
    const roleTokens = newRoleTokens();
    const registry = new TokenRegistry(roleTokens);
    const relay = await startRelay({ tokens: roleTokens, registry });
    relays.push(relay);
    const issue = async (role: 'owner' | 'overlay', streamers: string[]) =>
      (await registry.issue({ role, streamers, expiresAt: null })).secret;
    const ownerA = await issue('owner', ['a']);
    const ownerB = await issue('owner', ['b']);
    const overlayB = await issue('overlay', ['b']);
    const stored = await upload(relay.baseUrl, ownerA, WAV, 'a.wav', 'a');
    expect(stored.status).toBe(200);
    const id = ((await stored.json()) as { data: SoundsState }).data.sounds[0]?.id ?? '';
    expect(existsSync(join(relay.dataDir, 'streamers', 'a', 'sounds', id))).toBe(true);

    const listB = await fetch(`${relay.baseUrl}/api/sounds?streamer=b`, {
      headers: { authorization: `Bearer ${ownerB}` },
    });
    expect(((await listB.json()) as { data: SoundsState }).data.sounds).toEqual([]);
    expect((await fetch(`${relay.baseUrl}/sounds/${id}?streamer=b&token=${overlayB}`)).status).toBe(
      404,
    );
    await refused(
      await fetch(`${relay.baseUrl}/sounds/${id}?streamer=a&token=${overlayB}`),
      403,
      'STREAM_NOT_GRANTED',
    );
    // B's settings cannot name A's sound either.
    await refused(
      await fetch(`${relay.baseUrl}/api/sounds/settings?streamer=b`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${ownerB}` },
        body: JSON.stringify({ volume: 1, muted: false, tiers: { '1': id }, gifts: {} }),
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('"play a sound" actions', () => {
  it('run when the sound is uploaded or bundled; a missing one fails with its reason, the next runs', async () => {
    room = await startEngineRoom();
    const stored = await upload(room.relay.baseUrl, room.relay.tokens.owner, WAV);
    const uploaded = ((await stored.json()) as { data: SoundsState }).data.sounds[0]?.id ?? '';
    const save = async (name: string, soundId: string) =>
      dataOf(
        await room!.command<{ id: string }>(room!.owner, {
          type: 'actions.saveRule',
          rule: {
            name,
            trigger: { kind: 'follow' },
            actions: [{ kind: 'sound', soundId, seconds: 1 }],
          },
        }),
      ).id;
    const rules = [
      await save('Gone', `${'c'.repeat(32)}.mp3`),
      await save('Uploaded', uploaded),
      await save('Bundled', 'tier-4'),
    ];
    for (const ruleId of rules) {
      dataOf(await room.command(room.owner, { type: 'actions.simulate', ruleId }));
    }
    const final = await room.owner.stateWhere(
      'actions',
      (state: ActionsState) => state.history.length === 3,
      'every run ended',
    );
    expect(final.history.map((r) => `${r.ruleName}:${r.outcome}:${r.reason}`)).toEqual([
      `Gone:failed:the sound ${'c'.repeat(32)}.mp3 is not in the sound library`,
      'Uploaded:done:null',
      'Bundled:done:null',
    ]);
  });
});
