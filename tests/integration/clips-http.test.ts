/**
 * Video clips for actions through the real server: uploaded by the owner (type by content, size
 * limit), stored under the config folder, listed on the `clips` channel, served to overlays in
 * byte ranges, removed; a rule naming a clip that is not there fails on its run, and the next
 * rule runs.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionsState, ClipsState } from '../../shared/protocol/actions/actions-data';
import { dataOf, type EngineRoom, startEngineRoom } from './support/engine-room';
import { putDeclaringSize } from './support/oversized-upload';

let room: EngineRoom | null = null;
afterEach(async () => {
  await room?.stop();
  room = null;
});

/** The first bytes of a WebM file (an EBML header naming the `webm` doc type), then padding. */
const WEBM = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]),
  Buffer.from('webm'),
  Buffer.alloc(2000, 7),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function upload(token: string, body: Buffer, name = 'wave.webm') {
  return fetch(`${room?.relay.baseUrl}/api/clips`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'x-clip-name': encodeURIComponent(name) },
    body: new Uint8Array(body),
  });
}

describe('clips over HTTP', () => {
  it('takes the owner uploads by content, stores, lists, serves in ranges and removes them', async () => {
    room = await startEngineRoom();
    const { tokens, baseUrl, dataDir } = room.relay;
    const stored = await upload(tokens.owner, WEBM, 'Wave 👋.webm');
    expect(stored.status).toBe(200);
    const state = ((await stored.json()) as { data: ClipsState }).data;
    expect(state.clips).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{32}\.webm$/),
        name: 'Wave 👋.webm',
        type: 'video/webm',
        bytes: WEBM.length,
      },
    ]);
    const id = state.clips[0]?.id ?? '';
    await room.owner.stateWhere('clips', (clips) => clips.clips.length === 1, 'the clip listed');
    expect(readFileSync(join(dataDir, 'clips', id))).toEqual(WEBM);
    expect(statSync(join(dataDir, 'clips', id)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'clips')).mode & 0o777).toBe(0o700);

    const whole = await fetch(`${baseUrl}/clips/${id}?token=${tokens.overlay}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(WEBM);
    const part = await fetch(`${baseUrl}/clips/${id}?token=${tokens.overlay}`, {
      headers: { range: 'bytes=4-15' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-15/${WEBM.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(WEBM.subarray(4, 16));

    const removed = await fetch(`${baseUrl}/api/clips/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tokens.owner}` },
    });
    expect(removed.status).toBe(200);
    expect((await fetch(`${baseUrl}/clips/${id}?token=${tokens.overlay}`)).status).toBe(404);
  });

  it('refuses other roles, pictures posing as video, and clips over the limit', async () => {
    room = await startEngineRoom();
    const { tokens, baseUrl, port } = room.relay;
    const refused = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { code: string }).code).toBe(code);
    };
    await refused(await upload(tokens.moderator, WEBM), 403, 'FORBIDDEN');
    await refused(await upload(tokens.overlay, WEBM), 403, 'FORBIDDEN');
    await refused(await upload('not-a-token', WEBM), 401, 'UNAUTHORIZED');
    await refused(await upload(tokens.owner, PNG, 'cat.webm'), 415, 'BAD_PAYLOAD');
    await refused(await fetch(`${baseUrl}/clips/${'0'.repeat(32)}.webm`), 401, 'UNAUTHORIZED');
    // A body declared past the limit is refused before it is read.
    const tooLarge = await putDeclaringSize(
      port,
      '/api/clips',
      tokens.owner,
      60 * 1024 * 1024,
      WEBM,
    );
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ code: 'TOO_LARGE' });
    const listed = await fetch(`${baseUrl}/api/clips`, {
      headers: { authorization: `Bearer ${tokens.moderator}` },
    });
    expect(((await listed.json()) as { data: ClipsState }).data.clips).toEqual([]);
  });

  it('fails a run whose clip is not in the library, and runs the next one', async () => {
    room = await startEngineRoom();
    const rule = (name: string, clipId: string) => ({
      type: 'actions.saveRule' as const,
      rule: { name, trigger: { kind: 'follow' }, actions: [{ kind: 'clip', clipId, seconds: 1 }] },
    });
    const gone = dataOf(
      await room.command<{ id: string }>(room.owner, rule('Gone', `${'a'.repeat(32)}.webm`)),
    );
    const stored = (await (await upload(room.relay.tokens.owner, WEBM)).json()) as {
      data: ClipsState;
    };
    const clipId = stored.data.clips[0]?.id ?? '';
    const here = dataOf(await room.command<{ id: string }>(room.owner, rule('Here', clipId)));
    dataOf(await room.command(room.owner, { type: 'actions.simulate', ruleId: gone.id }));
    dataOf(await room.command(room.owner, { type: 'actions.simulate', ruleId: here.id }));
    const done = (state: ActionsState) => state.history.length === 2;
    const final = await room.owner.stateWhere('actions', done, 'both runs ended');
    expect(final.history.map((r) => `${r.ruleName}:${r.outcome}:${r.reason}`)).toEqual([
      `Gone:failed:the clip ${'a'.repeat(32)}.webm is not in the clip library`,
      'Here:done:null',
    ]);
  });
});
