/**
 * Two overlays with different subscriptions and a panel, on a real server: each receives the
 * snapshot of what it subscribed to and then only the updates of its channels.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelUpdate } from '../../shared/protocol/channels';
import { instantGift, script, viewer } from './support/events';
import { type RunningRelay, request, startRelay, type watchClient } from './support/relay-app';

let relay: RunningRelay | null = null;
afterEach(async () => {
  await relay?.stop();
  relay = null;
});

const channelsIn = (updates: ChannelUpdate[]) => new Set(updates.map((u) => u.channel));
const received = (w: ReturnType<typeof watchClient>) => w.batches.flatMap((b) => b.updates);

describe('relay fan-out', () => {
  it('sends each overlay and the panel what it subscribed to', async () => {
    relay = await startRelay();
    const { socket: alertsOverlay, watcher: alerts } = await relay.watch('/overlay', 'overlay');
    const { socket: chatOverlay, watcher: chat } = await relay.watch('/overlay', 'overlay');
    // The owner's panel: moderators get earnings only when the owner allows (money-access test).
    const { watcher: watchPanel } = await relay.watch('/control', 'owner');

    const alertsAck = await request<{ channels: Channel[] }>(alertsOverlay, 'subscribe', [
      'alerts',
      'leaderboard',
    ]);
    const chatAck = await request<{ channels: Channel[] }>(chatOverlay, 'subscribe', ['chat']);
    expect(alertsAck).toEqual({ ok: true, data: { channels: ['alerts', 'leaderboard'] } });
    expect(chatAck).toEqual({ ok: true, data: { channels: ['chat'] } });
    await alerts.until(() => alerts.snapshots.length === 1, 'alerts snapshot');
    await chat.until(() => chat.snapshots.length === 1, 'chat snapshot');
    expect(Object.keys(alerts.snapshots[0]?.channels ?? {}).sort()).toEqual([
      'alerts',
      'leaderboard',
    ]);
    expect(Object.keys(chat.snapshots[0]?.channels ?? {})).toEqual(['chat']);
    // The panel is subscribed to every channel on connect.
    await watchPanel.until(() => watchPanel.snapshots.length >= 1, 'panel snapshot');
    expect(Object.keys(watchPanel.snapshots[0]?.channels ?? {})).toContain('earnings');

    const ingest = await relay.connect('/ingest', 'ingest');
    const s = script(Date.now());
    const ack = await request(ingest, 'events', [
      instantGift(s, 'ana', 500),
      s.chat(viewer('sam'), 'hello there'),
    ]);
    expect(ack).toEqual({
      ok: true,
      data: {
        accepted: 2,
        duplicates: 0,
        rejected: [],
        results: [{ status: 'accepted' }, { status: 'accepted' }],
      },
    });

    await alerts.until(() => channelsIn(received(alerts)).has('leaderboard'), 'leaderboard update');
    await chat.until(() => channelsIn(received(chat)).has('chat'), 'chat line');
    await watchPanel.until(
      () =>
        ['chat', 'earnings', 'leaderboard'].every((c) =>
          channelsIn(received(watchPanel)).has(c as Channel),
        ),
      'panel updates',
    );
    expect(
      [...channelsIn(received(alerts))].every((c) => c === 'alerts' || c === 'leaderboard'),
    ).toBe(true);
    expect([...channelsIn(received(chat))]).toEqual(['chat']);
    const line = received(chat).find((u) => u.type === 'chat.line')?.data as { text: string };
    expect(line.text).toBe('hello there');
    const board = received(alerts)
      .filter((u) => u.type === 'leaderboard.state')
      .at(-1)?.data as {
      top: Array<{ handle: string; coins: number }>;
    };
    expect(board.top[0]).toMatchObject({ handle: 'ana', coins: 500 });
  });

  it('sends a full snapshot again when an overlay reconnects', async () => {
    relay = await startRelay();
    const ingest = await relay.connect('/ingest', 'ingest');
    const s = script(Date.now());
    await request(ingest, 'event', instantGift(s, 'ana', 300));
    const { socket: first, watcher: w1 } = await relay.watch('/overlay', 'overlay', {
      channels: ['leaderboard'],
    });
    await w1.until(() => w1.snapshots.length === 1, 'first snapshot');
    first.disconnect();
    await request(ingest, 'event', instantGift(s, 'bo', 700));
    // OBS reloads the page: a new socket, not a recovered one, and it gets the current state.
    const { watcher: w2 } = await relay.watch('/overlay', 'overlay', { channels: ['leaderboard'] });
    await w2.until(() => w2.snapshots.length === 1, 'snapshot after reconnect');
    const board = w2.snapshots[0]?.channels.leaderboard as
      | { top: Array<{ handle: string }> }
      | undefined;
    expect(board?.top.map((t) => t.handle)).toEqual(['bo', 'ana']);
  });

  it('lets an overlay that dropped for a moment catch up on what it missed', async () => {
    relay = await startRelay();
    const ingest = await relay.connect('/ingest', 'ingest');
    const s = script(Date.now());
    const { socket, watcher } = await relay.watch('/overlay', 'overlay', {
      channels: ['leaderboard'],
      reconnection: true,
    });
    await request(ingest, 'event', instantGift(s, 'ana', 300));
    await watcher.until(() => watcher.batches.length >= 1, 'first update');
    const snapshotsBefore = watcher.snapshots.length;
    const reconnected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.io.engine.close(); // a network blip: the client reconnects by itself
    await request(ingest, 'event', instantGift(s, 'bo', 700));
    await reconnected;
    expect(socket.recovered).toBe(true);
    await watcher.until(
      () =>
        watcher.batches.some((b) =>
          b.updates.some(
            (u) => u.type === 'leaderboard.state' && JSON.stringify(u.data).includes('"bo"'),
          ),
        ),
      'the update sent while away',
    );
    // Recovered: Socket.IO replayed the missed update; no second snapshot was needed.
    expect(watcher.snapshots).toHaveLength(snapshotsBefore);
  });

  it('keeps a bounded number of packets for recovery; a socket away longer gets a snapshot', async () => {
    relay = await startRelay({ recoveryMaxPackets: 8 });
    const ingest = await relay.connect('/ingest', 'ingest');
    const s = script(Date.now());
    const { socket, watcher } = await relay.watch('/overlay', 'overlay', {
      channels: ['alerts', 'leaderboard'],
    });
    await request(ingest, 'event', instantGift(s, 'ana', 300));
    await watcher.until(() => watcher.batches.length >= 1, 'first update');
    const snapshotsBefore = watcher.snapshots.length;
    const overlays = relay.app.io.of('/overlay');
    const id = socket.id ?? '';
    socket.io.engine.close();
    while (overlays.sockets.has(id)) await new Promise((next) => setImmediate(next));
    // Far more broadcasts than kept while the overlay is away (an alert per gift).
    for (let i = 0; i < 30; i++) await request(ingest, 'event', instantGift(s, `v${i}`, 10 + i));
    const kept = (overlays.adapter as unknown as { keptPackets: number }).keptPackets;
    expect(kept).toBe(8);
    const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.connect();
    await back;
    expect(socket.recovered).toBe(false);
    await watcher.until(() => watcher.snapshots.length > snapshotsBefore, 'a fresh snapshot');
    const board = watcher.snapshots.at(-1)?.channels.leaderboard as
      | { top: Array<{ handle: string }> }
      | undefined;
    expect(board?.top[0]?.handle).toBe('ana');
    expect(board?.top.map((t) => t.handle)).toContain('v29');
  });
});
