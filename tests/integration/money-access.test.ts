/**
 * On a real server: a moderator sees earnings only if the owner allows it. The
 * server withholds the `earnings` channel and the report's money from moderator tokens, follows
 * the owner's `settings.moderatorsSeeEarnings` at once, and keeps it across restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EarningsState } from '../../shared/protocol/channel-data';
import type { StateSnapshot, UpdateBatch } from '../../shared/protocol/channels';
import { instantGift, script } from './support/events';
import { type RunningRelay, request, startRelay, type Watcher } from './support/relay-app';

let relay: RunningRelay | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  await relay?.stop();
  relay = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

const isSnapshot = (arrival: StateSnapshot | UpdateBatch): arrival is StateSnapshot =>
  'channels' in arrival;

/** Every earnings state the watcher received, from snapshots and update batches, in order. */
function earningsSeen(w: Watcher): EarningsState[] {
  const seen: EarningsState[] = [];
  for (const arrival of w.arrivals) {
    if (isSnapshot(arrival)) {
      if (arrival.channels.earnings) seen.push(arrival.channels.earnings as EarningsState);
    } else {
      for (const u of arrival.updates)
        if (u.channel === 'earnings') seen.push(u.data as EarningsState);
    }
  }
  return seen;
}

const lastCoins = (w: Watcher) => earningsSeen(w).at(-1)?.committedCoins;

/** Top gifters' coins as the watcher last heard them (public, so moderators get them). */
function leaderboardCoins(w: Watcher): number {
  let coins = 0;
  for (const arrival of w.arrivals) {
    const states = isSnapshot(arrival)
      ? [arrival.channels.leaderboard]
      : arrival.updates.filter((u) => u.channel === 'leaderboard').map((u) => u.data);
    for (const state of states) {
      if (!state) continue;
      const top = (state as { top: Array<{ coins: number }> }).top;
      coins = top.reduce((sum, row) => sum + row.coins, 0);
    }
  }
  return coins;
}

async function report(r: RunningRelay, role: 'owner' | 'moderator', format = 'json') {
  const url = `${r.baseUrl}/api/streams/current/report?format=${format}&token=${r.tokens[role]}`;
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return format === 'json' ? ((await response.json()) as Record<string, unknown>) : response.text();
}

describe('money access for moderators', () => {
  it('withholds earnings from moderators until the owner allows it, and follows the setting at once', async () => {
    relay = await startRelay();
    const r = relay;
    const { socket: owner, watcher: ownerPanel } = await r.watch('/control', 'owner');
    const { socket: mod, watcher: modPanel } = await r.watch('/control', 'moderator');
    const { socket: modOverlay } = await r.watch('/overlay', 'moderator');

    // Greeted with every channel but earnings, and told it is withheld.
    await modPanel.until(() => modPanel.snapshots.length >= 1, 'moderator snapshot');
    expect(modPanel.snapshots[0]?.channels.earnings).toBeUndefined();
    expect(modPanel.snapshots[0]?.withheld).toEqual(['earnings']);
    expect(modPanel.snapshots[0]?.channels.leaderboard).toBeDefined();
    expect(await request(mod, 'subscribe', ['earnings', 'leaderboard'])).toEqual({
      ok: true,
      data: {
        channels: ['leaderboard'],
        withheld: ['earnings'],
        role: 'moderator',
        streamer: 'default',
        streamers: ['default'],
      },
    });
    // The read-only namespace admits moderator tokens too: the same rule holds there.
    expect(await request(modOverlay, 'subscribe', ['earnings'])).toEqual({
      ok: true,
      data: { channels: [], withheld: ['earnings'] },
    });
    await request(mod, 'subscribe', ['earnings', 'leaderboard', 'metrics']);

    const ingest = await r.connect('/ingest', 'ingest');
    const s = script(Date.now());
    await request(ingest, 'events', [instantGift(s, 'ana', 500)]);
    await ownerPanel.until(() => lastCoins(ownerPanel) === 500, 'owner earnings 500');
    await modPanel.until(() => leaderboardCoins(modPanel) === 500, 'moderator leaderboard 500');
    expect(earningsSeen(modPanel)).toEqual([]);

    // Only the owner may change it.
    const allow = { type: 'settings.moderatorsSeeEarnings', allowed: true };
    expect(await request(mod, 'command', allow)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(owner, 'command', allow)).toEqual({
      ok: true,
      data: { moderatorsSeeEarnings: true },
    });
    await modPanel.until(() => lastCoins(modPanel) === 500, 'moderator earnings snapshot');
    const granted = modPanel.snapshots.at(-1);
    expect(granted?.withheld).toBeUndefined();
    const grantedEarnings = granted?.channels.earnings as EarningsState | undefined;
    expect(grantedEarnings?.moderatorsSeeEarnings).toBe(true);
    expect(grantedEarnings?.figures.estimatedPayoutUsd).toBeGreaterThan(0);
    await ownerPanel.until(
      () => earningsSeen(ownerPanel).at(-1)?.moderatorsSeeEarnings === true,
      'owner sees the setting',
    );

    await request(ingest, 'events', [instantGift(s, 'ben', 100)]);
    await modPanel.until(() => lastCoins(modPanel) === 600, 'moderator earnings update 600');
    const modReport = (await report(r, 'moderator')) as Record<string, unknown>;
    expect(modReport.estimatedPayoutUsd).toBeGreaterThan(0);
    expect(modReport.moneyWithheld).toBeUndefined();

    // Revoked: a snapshot says withheld, and no earnings arrive after it.
    const revoke = { type: 'settings.moderatorsSeeEarnings', allowed: false };
    expect(await request(owner, 'command', revoke)).toMatchObject({ ok: true });
    await modPanel.until(
      () => modPanel.snapshots.at(-1)?.withheld?.includes('earnings') === true,
      'moderator told earnings are withheld',
    );
    const revokedAt = modPanel.arrivals.length;
    await request(ingest, 'events', [instantGift(s, 'cid', 50)]);
    await ownerPanel.until(() => lastCoins(ownerPanel) === 650, 'owner earnings 650');
    await modPanel.until(() => leaderboardCoins(modPanel) === 650, 'moderator leaderboard 650');
    const afterRevoke = modPanel.arrivals.slice(revokedAt);
    expect(afterRevoke.length).toBeGreaterThan(0);
    for (const arrival of afterRevoke) {
      if (isSnapshot(arrival)) expect(arrival.channels.earnings).toBeUndefined();
      else expect(arrival.updates.map((u) => u.channel)).not.toContain('earnings');
    }

    // The report: coins stay, money goes (JSON and Markdown); the owner's is whole.
    const hidden = (await report(r, 'moderator')) as Record<string, unknown>;
    expect(hidden.coins).toBe(650);
    expect(hidden.moneyWithheld).toBe(true);
    for (const key of ['diamonds', 'estimatedPayoutUsd', 'revenueModel']) {
      expect(hidden).not.toHaveProperty(key);
    }
    const hiddenMd = (await report(r, 'moderator', 'md')) as string;
    expect(hiddenMd).toContain('| coins (committed) | 650 |');
    expect(hiddenMd).not.toContain('estimated payout');
    expect(hiddenMd).not.toContain('diamonds');
    const ownerReport = (await report(r, 'owner')) as Record<string, unknown>;
    expect(ownerReport.estimatedPayoutUsd).toBeGreaterThan(0);
    expect(ownerReport).toHaveProperty('revenueModel');
  });

  it('sends no earnings to a moderator who was away while the owner revoked them', async () => {
    relay = await startRelay();
    const r = relay;
    const owner = await r.connect('/control', 'owner');
    const { socket: mod, watcher: modPanel } = await r.watch('/control', 'moderator');
    const ingest = await r.connect('/ingest', 'ingest');
    const s = script(Date.now());
    const allow = { type: 'settings.moderatorsSeeEarnings', allowed: true };
    expect(await request(owner, 'command', allow)).toMatchObject({ ok: true });
    await request(ingest, 'events', [instantGift(s, 'ana', 200)]);
    await modPanel.until(() => lastCoins(modPanel) === 200, 'moderator earnings 200');

    // A network blip: the server notices the drop, then the owner revokes and gifts arrive.
    const id = mod.id ?? '';
    mod.io.engine.close();
    const control = r.app.io.of('/control');
    while (control.sockets.has(id)) await new Promise((next) => setImmediate(next));
    const awayAt = modPanel.arrivals.length;
    const revoke = { type: 'settings.moderatorsSeeEarnings', allowed: false };
    expect(await request(owner, 'command', revoke)).toMatchObject({ ok: true });
    await request(ingest, 'events', [instantGift(s, 'ben', 30)]);

    // Socket.IO recovers the session and replays what its room missed: no money in it.
    const back = new Promise<void>((resolve) => mod.once('connect', () => resolve()));
    mod.connect();
    await back;
    expect(mod.recovered).toBe(true);
    await modPanel.until(
      () => modPanel.snapshots.at(-1)?.withheld?.includes('earnings') === true,
      'withheld snapshot after recovery',
    );
    await modPanel.until(() => leaderboardCoins(modPanel) === 230, 'leaderboard 230');
    const sinceAway = modPanel.arrivals.slice(awayAt);
    for (const arrival of sinceAway) {
      if (isSnapshot(arrival)) expect(arrival.channels.earnings).toBeUndefined();
      else expect(arrival.updates.map((u) => u.channel)).not.toContain('earnings');
    }
  });

  it('keeps the setting across restarts, and carries it into the next stream', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'limelight-money-'));
    relay = await startRelay({ dataDir });
    const tokens = relay.tokens;
    const owner = await relay.connect('/control', 'owner');
    const ingest = await relay.connect('/ingest', 'ingest');
    const s = script(Date.now());
    await request(ingest, 'events', [instantGift(s, 'ana', 300)]);
    const allow = { type: 'settings.moderatorsSeeEarnings', allowed: true };
    expect(await request(owner, 'command', allow)).toMatchObject({ ok: true });
    await relay.stop();

    // Restart: the running stream resumes from its journal with the setting on.
    relay = await startRelay({ dataDir, tokens });
    const first = await relay.watch('/control', 'moderator');
    await first.watcher.until(() => lastCoins(first.watcher) === 300, 'earnings after restart');
    const owner2 = await relay.connect('/control', 'owner');
    expect(await request(owner2, 'command', { type: 'stream.end' })).toMatchObject({ ok: true });
    await relay.stop();

    // Restart after the stream ended: the next stream starts with the owner's setting.
    relay = await startRelay({ dataDir, tokens });
    const second = await relay.watch('/control', 'moderator');
    await second.watcher.until(() => second.watcher.snapshots.length >= 1, 'standby snapshot');
    expect(second.watcher.snapshots[0]?.withheld).toBeUndefined();
    const ingest2 = await relay.connect('/ingest', 'ingest');
    await request(ingest2, 'events', [instantGift(script(Date.now()), 'ben', 40)]);
    await second.watcher.until(() => lastCoins(second.watcher) === 40, 'new stream earnings');
    expect(earningsSeen(second.watcher).at(-1)?.moderatorsSeeEarnings).toBe(true);
  });
});
