/**
 * Alert sounds on the real server, in Chromium (started with OBS's autoplay policy,
 * scripts/chromium.mjs): the alerts page plays its tier sounds through Web Audio, once per
 * alert — a streak ×1 → ×10 that levels up a tier plays exactly one — and a gift storm, whose
 * cards follow each other faster than the sounds end, never has more than the voice cap ringing.
 * The actions overlay plays a rule's "play a sound" action, and follows the owner's mute.
 * The counts come from the page's own player through `window.__limelight`.
 */
import type { AlertsState } from '../../shared/protocol/channel-data';
import { instantGift, script, viewer } from '../integration/support/events';
import { expect, openOverlay, readScene, screenState, test } from './support/overlay-relay';

/** What the alerts page reports of its sounds (overlays/stage/sound/sound-player.ts). */
interface SoundReport {
  ready: string[];
  started: number;
  silenced: number;
  stolen: number;
  peak: number;
  playing: number;
  cap: number;
  missed: number;
  recent: string[];
  muted: boolean;
  context: string;
}

test('alert sounds: one for a ×1 → ×10 streak, a storm capped at the voice limit', async ({
  page,
  relay,
}) => {
  // The relay is shared by every overlay spec: what an earlier test queued must have played
  // out and its storm ended, or the streak would wait behind it or be merged into it.
  await expect
    .poll(
      () => {
        const state = relay.latest('alerts') as AlertsState | undefined;
        return state ? { storm: state.storm, queued: state.queue.length } : null;
      },
      { timeout: 60_000 },
    )
    .toEqual({ storm: false, queued: 0 });
  // speed=1000: each card plays out in a few frames, far faster than its sound rings.
  await openOverlay(page, relay.overlayUrl('alerts', { speed: '1000' }));
  const alerts = async () => screenState(await readScene(page), 'alerts');
  const sound = async () => (await alerts()).sound as SoundReport;
  await expect
    .poll(async () => {
      const { ready, context } = await sound();
      return { ready: [...ready].sort(), context };
    })
    .toEqual({
      ready: ['tier-1', 'tier-2', 'tier-3', 'tier-4', 'tier-5'],
      context: 'running',
    });
  const before = await sound();

  await test.step('a streak ×1 → ×10 plays one sound, though it levels up a tier', async () => {
    const s = script(Date.now());
    const bo = viewer('bo_sound');
    // Perfume, 20 coins: ×1–×4 is tier 2, ×5 (100 coins) levels up into tier 3.
    const frame = (count: number, end: boolean) =>
      s.gift(bo, { name: 'Perfume', id: 5658, coins: 20, count, end, groupId: 'sound-streak' });
    for (let count = 1; count <= 10; count += 1) {
      await relay.send([frame(count, false)]);
      await expect.poll(async () => (await alerts()).current).toMatchObject({ count });
    }
    await relay.send([frame(10, true)]);
    await expect
      .poll(async () => (await alerts()).lastFinished)
      .toMatchObject({ count: 10, settled: true });
    const after = await sound();
    expect((await alerts()).levelUps).toBeGreaterThanOrEqual(1);
    expect(after.started - before.started, 'sounds started for the streak').toBe(1);
    expect(after.recent.at(-1)).toBe('tier-2');
    expect(after.missed).toBe(0);
  });

  await test.step('a storm never rings more than the voice cap at once', async () => {
    const start = await sound();
    const playedBefore = Number((await alerts()).started);
    // One stream moment: 30 roses (merged by the server's storm mode into storm cards) and 12
    // gifts of tiers 3 and 4 (too big to merge, each its own card), whose sounds ring longer than
    // this page's cards last.
    // At the wall clock: a stream moment ahead of it would move the shared server's stream clock
    // and with it the deadlines other overlay specs read (a poll's countdown).
    const s = script(Date.now());
    const roses = Array.from({ length: 30 }, (_, i) => instantGift(s, `hum${i}`, 1));
    const big = Array.from({ length: 12 }, (_, i) => instantGift(s, `roar${i}`, 300 * (i + 1)));
    await relay.send([...roses, ...big]);
    await expect
      .poll(async () => {
        const state = await alerts();
        return state.mergedShown !== 0 && state.waiting === 0 && state.current === null;
      })
      .toBe(true);
    const state = await alerts();
    const end = state.sound as SoundReport;
    const cards = Number(state.started) - playedBefore;
    // One sound per card, each card's in step with it, and never more than the cap at once.
    expect(end.started - start.started, 'a sound per storm card').toBe(cards);
    expect(cards).toBeGreaterThan(12);
    expect(end.cap).toBe(3);
    expect(end.peak).toBe(end.cap);
    expect(end.stolen - start.stolen).toBeGreaterThan(0);
    expect(end.missed).toBe(0);
  });
});

test("the actions overlay plays a rule's sound, and not while the owner muted sounds", async ({
  page,
  relay,
}) => {
  await openOverlay(page, relay.overlayUrl('actions'));
  const sound = async () => screenState(await readScene(page), 'actions').sound as SoundReport;
  const { baseUrl, tokens } = relay.server;
  const mix = (muted: boolean) =>
    fetch(`${baseUrl}/api/sounds/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.owner}` },
      body: JSON.stringify({ volume: 1, muted, tiers: {}, gifts: {} }),
    });
  const rule = await relay.command<{ id: string }>({
    type: 'actions.saveRule',
    rule: {
      name: 'Chime',
      trigger: { kind: 'command', command: '!chime-e2e' },
      actions: [{ kind: 'sound', soundId: 'tier-3', volume: 0.5, seconds: 1 }],
    },
  });
  // The relay is shared by every overlay spec: the rule and the mute go when this test ends.
  try {
    await relay.command({ type: 'actions.simulate', ruleId: rule.id });
    await expect.poll(async () => (await sound()).recent).toContain('tier-3');
    const played = await sound();
    expect(played.started).toBe(1);
    expect(played.context).toBe('running');

    expect((await mix(true)).status).toBe(200);
    await expect.poll(async () => (await sound()).muted).toBe(true);
    await relay.command({ type: 'actions.simulate', ruleId: rule.id });
    await expect.poll(async () => (await sound()).silenced).toBe(1);
    expect((await sound()).started).toBe(1);
  } finally {
    await mix(false);
    await relay.command({ type: 'actions.removeRule', ruleId: rule.id });
  }
});
