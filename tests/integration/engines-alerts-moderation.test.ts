/**
 * The alert queue, moderation for overlays and room metrics driven through the real server:
 * gifts, chat and room counters arrive on /ingest, panels act on /control, and the alerts,
 * chat, leaderboard and metrics overlays on /overlay show the outcome.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertView, ChatLine, TypedUpdate } from '../../shared/protocol/channel-data';
import { dataOf, type EngineRoom, startEngineRoom } from './support/engine-room';
import { instantGift, script, viewer } from './support/events';

let room: EngineRoom | null = null;
afterEach(async () => {
  await room?.stop();
  room = null;
});

type Upsert = Extract<TypedUpdate, { type: 'alert.upsert' }>;
type ChatLineUpdate = Extract<TypedUpdate, { type: 'chat.line' }>;
type ChatRemove = Extract<TypedUpdate, { type: 'chat.remove' }>;
const isUpsert = (u: TypedUpdate): u is Upsert => u.type === 'alert.upsert';
const isLine = (u: TypedUpdate): u is ChatLineUpdate => u.type === 'chat.line';
const isRemove = (u: TypedUpdate): u is ChatRemove => u.type === 'chat.remove';
const upsertOf =
  (handle: string, check: (a: AlertView) => boolean = () => true) =>
  (u: TypedUpdate): u is Upsert =>
    isUpsert(u) && u.data.user.handle === handle && check(u.data);
const lineSaying =
  (text: string) =>
  (u: TypedUpdate): u is ChatLineUpdate =>
    isLine(u) && u.data.text === text;

describe('the alert queue through the server', () => {
  it('upgrades one alert per streak live and settles it; pause, test and skip reach the overlay', async () => {
    room = await startEngineRoom();
    const r = room;
    const alerts = await r.overlay(['alerts']);
    const s = script(Date.now());
    const rose = { groupId: 'r1' };

    // Each frame waits for the overlay, so the upgrades are seen one by one (×1, ×2, ×3).
    await r.push(s.gift(viewer('ana'), { ...rose, count: 1, end: false }));
    const first = await alerts.updateWhere(upsertOf('ana'), 'the ×1 alert');
    expect(first.data).toMatchObject({ kind: 'gift', count: 1, settled: false, tier: 1 });
    await r.push(s.gift(viewer('ana'), { ...rose, count: 2, end: false }));
    await alerts.updateWhere(
      upsertOf('ana', (a) => a.count === 2),
      'the ×2 upgrade',
    );
    await r.push(s.gift(viewer('ana'), { ...rose, count: 3, end: true }));
    const settled = await alerts.updateWhere(
      upsertOf('ana', (a) => a.settled),
      'the settled alert',
    );
    expect(settled.data).toMatchObject({ id: first.data.id, count: 3, coins: 3 });
    const anas = alerts.updates().filter(upsertOf('ana'));
    expect(new Set(anas.map((u) => u.data.id))).toEqual(new Set([first.data.id]));
    expect(anas.map((u) => u.data.count)).toEqual([1, 2, 3]);
    expect(anas.map((u) => u.data.settled)).toEqual([false, false, true]);

    // The panel pauses the queue, plays a test alert into it and skips that alert.
    dataOf(await r.command(r.moderator, { type: 'alerts.pause' }));
    await alerts.stateWhere('alerts', (st) => st.paused, 'alerts paused');
    const test = dataOf(
      await r.command<AlertView>(r.moderator, { type: 'alerts.test', tier: 4, kind: 'gift' }),
    );
    const shownTest = await alerts.updateWhere(
      (u): u is Upsert => isUpsert(u) && u.data.id === test.id,
      'the test alert',
    );
    expect(shownTest.data).toMatchObject({ kind: 'test', tier: 4, settled: true });
    dataOf(await r.command(r.owner, { type: 'alerts.skip', alertId: test.id }));
    await alerts.updateWhere(
      (u): u is Extract<TypedUpdate, { type: 'alert.skip' }> =>
        u.type === 'alert.skip' && u.data.id === test.id,
      'the skip',
    );
    dataOf(await r.command(r.moderator, { type: 'alerts.resume' }));
    await alerts.watcher.until(() => alerts.latest('alerts')?.paused === false, 'alerts resumed');
    expect(alerts.latest('alerts')?.queue.some((a) => a.id === test.id)).toBe(false);

    // Half a minute of stream time later ana's alert has played; the panel replays it.
    s.wait(30_000);
    await r.push(s.viewers(5));
    await alerts.watcher.until(
      () => !alerts.latest('alerts')?.queue.some((a) => a.id === first.data.id),
      "ana's alert finished",
    );
    const replay = dataOf(
      await r.command<AlertView>(r.moderator, { type: 'alerts.replay', alertId: first.data.id }),
    );
    expect(replay.id).not.toBe(first.data.id);
    const replayed = await alerts.updateWhere(
      (u): u is Upsert => isUpsert(u) && u.data.id === replay.id,
      'the replayed alert',
    );
    expect(replayed.data).toMatchObject({ user: { handle: 'ana' }, count: 3, settled: true });
  });
});

describe('moderation for overlays through the server', () => {
  it('masks and blocks words, hides a message, and mutes a viewer whose coins still count', async () => {
    room = await startEngineRoom();
    const r = room;
    const chat = await r.overlay(['chat']);
    const gifts = await r.overlay(['alerts', 'leaderboard']);

    dataOf(await r.command(r.moderator, { type: 'moderation.addWord', word: 'darn' }));
    dataOf(
      await r.command(r.moderator, {
        type: 'moderation.addWord',
        word: 'spoiler',
        action: 'block',
      }),
    );
    const s = script(Date.now());
    await r.push(
      s.chat(viewer('ana'), 'darn it'),
      s.chat(viewer('bo'), 'huge SPOILER ahead'),
      s.chat(viewer('troll'), 'first!'),
      s.chat(viewer('cy'), 'hello all'),
    );
    const hello = await chat.updateWhere(lineSaying('hello all'), 'the last line');
    const lines = () => chat.updates().filter(isLine);
    expect(lines().map((u) => u.data.text)).toEqual(['**** it', 'first!', 'hello all']);

    // Hide one message: it leaves the overlay.
    dataOf(
      await r.command(r.moderator, { type: 'moderation.hideMessage', messageId: hello.data.id }),
    );
    await chat.updateWhere(
      (u): u is ChatRemove => isRemove(u) && u.data.ids.includes(hello.data.id),
      'the hidden line removed',
    );

    // Mute a viewer: their lines leave the overlay and new ones never reach it.
    const trollLine = lines().find((u) => u.data.user.handle === 'troll')?.data as ChatLine;
    dataOf(
      await r.command(r.moderator, {
        type: 'moderation.muteViewer',
        userId: 'u-troll',
        handle: 'troll',
      }),
    );
    await chat.updateWhere(
      (u): u is ChatRemove => isRemove(u) && u.data.ids.includes(trollLine.id),
      "the muted viewer's line removed",
    );
    await r.push(
      s.chat(viewer('troll'), 'you cannot mute me'),
      instantGift(s, 'troll', 500),
      s.chat(viewer('dee'), 'after the mute'),
      instantGift(s, 'dee', 10),
    );
    await chat.updateWhere(lineSaying('after the mute'), 'a line after the mute');
    await gifts.stateWhere(
      'leaderboard',
      (st) => st.top.some((t) => t.handle === 'dee'),
      "dee's gift on the leaderboard",
    );
    await gifts.updateWhere(upsertOf('dee'), "dee's alert");
    expect(lines().filter((u) => u.data.user.handle === 'troll')).toHaveLength(1);
    expect(gifts.updates().some(upsertOf('troll'))).toBe(false);
    for (const board of gifts.states('leaderboard')) {
      expect(board.top.map((t) => t.handle)).not.toContain('troll');
    }

    // The muted viewer's coins still count, and the report keeps real names.
    const report = await r.report();
    expect(report.coins).toBe(510);
    expect(report.topGifters.map((t) => [t.handle, t.coins])).toEqual([
      ['troll', 500],
      ['dee', 10],
    ]);
    expect(report.chatMessages).toBe(6);

    const moderation = await r.owner.stateWhere(
      'moderation',
      (st) => st.mutedViewers.some((m) => m.id === 'u-troll'),
      'the mute on the owner panel',
    );
    expect(moderation.words).toEqual([
      { word: 'darn', action: 'mask' },
      { word: 'spoiler', action: 'block' },
    ]);
    expect(moderation.hiddenMessageIds).toEqual([hello.data.id]);
    expect(moderation.audit.map((a) => [a.action, a.by])).toEqual([
      ['moderation.addWord', 'moderator:alex'],
      ['moderation.addWord', 'moderator:alex'],
      ['moderation.hideMessage', 'moderator:alex'],
      ['moderation.muteViewer', 'moderator:alex'],
    ]);
  });
});

describe('room metrics through the server', () => {
  it('takes viewers and likes from the room totals, never summed deltas', async () => {
    room = await startEngineRoom();
    const r = room;
    const metrics = await r.overlay(['metrics']);
    const s = script(Date.now());
    await r.push(
      s.viewers(50),
      s.like(viewer('ana'), 5, 100),
      s.viewers(80),
      s.like(viewer('bo'), 5, 250),
      s.viewers(60),
      s.follow(viewer('cy')),
      s.share(viewer('cy')),
      s.chat(viewer('ana'), 'hi'),
      s.chat(viewer('ana'), 'again'),
      s.chat(viewer('bo'), 'hey'),
    );
    const seen = await metrics.stateWhere(
      'metrics',
      (st) => st.chatMessages === 3 && st.viewers === 60,
      'the room counters',
    );
    expect(seen).toMatchObject({
      viewers: 60,
      peakViewers: 80,
      likes: 250,
      follows: 1,
      shares: 1,
      chatMessages: 3,
      uniqueChatters: 2,
    });
    expect(seen.engagementRate).toBeGreaterThan(0);
    expect(seen.perMinute.at(-1)).toMatchObject({ viewers: 60, chats: 3, likes: 250 });
  });
});
