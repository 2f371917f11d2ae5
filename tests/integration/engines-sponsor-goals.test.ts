/**
 * Sponsor segments, goals and the top-gifters leaderboard driven through the real server:
 * the owner plans and sets goals, a moderator runs the segment, gifts and chat arrive on
 * /ingest, and the sponsor, goals and leaderboard overlays show the result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SponsorSegmentReport } from '../../shared/engines';
import type { GoalView, SponsorPlanView } from '../../shared/protocol/channel-data';
import { CHANNELS, type Channel, PANEL_ONLY_CHANNELS } from '../../shared/protocol/channels';
import { BRIEF_PRESET, brandDealNet } from '../../shared/revenue/revenue-model';
import { dataOf, type EngineRoom, startEngineRoom } from './support/engine-room';
import { instantGift, script, viewer } from './support/events';

let room: EngineRoom | null = null;
afterEach(async () => {
  await room?.stop();
  room = null;
});

/**
 * Every channel an OBS page may watch (moderation is for panels only), taken from CHANNELS so a
 * channel added later is checked for deal-value leaks too.
 */
const OVERLAY_CHANNELS: Channel[] = CHANNELS.filter(
  (channel) => !(PANEL_ONLY_CHANNELS as readonly string[]).includes(channel),
);
/** A deal value no other figure in the test could print. */
const DEAL_VALUE_USD = 4321.57;

describe('sponsor segments through the server', () => {
  it('shows the card without the deal value, counts mentions, and reports the net deal', async () => {
    room = await startEngineRoom();
    const r = room;
    const sponsorOverlay = await r.overlay(['sponsor']);
    const everyOverlay = await r.overlay(OVERLAY_CHANNELS);

    const plan = dataOf(
      await r.command<SponsorPlanView>(r.owner, {
        type: 'sponsor.plan',
        kind: 'sponsoredSegment',
        brand: 'Glowcola',
        product: 'Glowcola Zero',
        promoCode: 'GLOW20',
        callToAction: 'Use code GLOW20 for 20% off',
        plannedSeconds: 120,
        talkingPoints: ['No sugar', 'Tastes like summer'],
        dealValueUsd: DEAL_VALUE_USD,
      }),
    );
    expect(plan).toMatchObject({ brand: 'Glowcola', hasDealValue: true });
    // Money is the owner's: a moderator may not change the deal value.
    const refused = await r.command(r.moderator, {
      type: 'sponsor.setDealValue',
      planId: plan.id,
      dealValueUsd: 1,
    });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const s = script(Date.now());
    await r.push(s.viewers(40), s.chat(viewer('ana'), 'glowcola before the segment'));
    dataOf(await r.command(r.moderator, { type: 'sponsor.start', planId: plan.id }));
    const running = await sponsorOverlay.stateWhere(
      'sponsor',
      (st) => st.card?.state === 'running',
      'the sponsor card on the overlay',
    );
    expect(running.card).toMatchObject({
      brand: 'Glowcola',
      product: 'Glowcola Zero',
      promoCode: 'GLOW20',
      callToAction: 'Use code GLOW20 for 20% off',
      plannedSeconds: 120,
      kind: 'sponsoredSegment',
    });

    await r.push(
      s.viewers(60),
      s.chat(viewer('bo'), 'Glowcola zero is actually good'),
      s.chat(viewer('cy'), 'just used glow20 thanks'),
      s.chat(viewer('dee'), 'what game is next'),
    );
    // Paused time is not the sponsor's: a mention then is not counted for the segment.
    dataOf(await r.command(r.moderator, { type: 'sponsor.pause' }));
    await sponsorOverlay.stateWhere('sponsor', (st) => st.card?.state === 'paused', 'paused');
    await r.push(s.chat(viewer('ed'), 'glowcola while paused'));
    dataOf(await r.command(r.moderator, { type: 'sponsor.resume' }));
    await sponsorOverlay.watcher.until(
      () => sponsorOverlay.latest('sponsor')?.card?.state === 'running',
      'running again',
    );
    const ended = dataOf(
      await r.command<{ segmentId: string }>(r.moderator, { type: 'sponsor.end' }),
    );
    await sponsorOverlay.stateWhere(
      'sponsor',
      (st) => st.card === null && (st.segments?.length ?? 0) === 1,
      'the card gone after the end',
    );

    const report = await r.report();
    const segment = report.sponsorSegments[0] as SponsorSegmentReport | undefined;
    expect(segment).toMatchObject({
      segmentId: ended.segmentId,
      planId: plan.id,
      brand: 'Glowcola',
      status: 'ended',
      chatMessages: 3,
      mentions: 2, // brand and promo code, as whole words, case-insensitive
      peakViewers: 60,
    });
    const net = brandDealNet(DEAL_VALUE_USD, BRIEF_PRESET);
    expect(segment?.deal).toMatchObject({
      dealValueUsd: DEAL_VALUE_USD,
      platformShareUsd: net.platformShareUsd,
      netUsd: net.netUsd,
      revenueModelId: BRIEF_PRESET.id,
    });
    expect(segment?.deal?.netUsd).toBeLessThan(DEAL_VALUE_USD);

    // The deal value reached no overlay, on any channel, nor the moderator's panel (whose
    // audit log says only that a value was set).
    for (const overlay of [sponsorOverlay, everyOverlay]) {
      expect(overlay.everything()).not.toContain(String(DEAL_VALUE_USD));
      expect(overlay.everything()).not.toContain('dealValueUsd');
    }
    expect(r.moderator.everything()).not.toContain(String(DEAL_VALUE_USD));
  });
});

describe('goals through the server', () => {
  it('moves a coins goal by committed gifts only, with an ETA, until it is reached', async () => {
    room = await startEngineRoom();
    const r = room;
    const goalsOverlay = await r.overlay(['goals']);
    const goal = dataOf(
      await r.command<GoalView>(r.owner, {
        type: 'goals.set',
        kind: 'coins',
        target: 1_000,
        label: 'New camera',
      }),
    );
    await goalsOverlay.stateWhere(
      'goals',
      (st) => st.goals.some((g) => g.id === goal.id && g.current === 0),
      'the new goal',
    );

    // Gifts ten seconds of stream time after the goal was set: a rate to estimate from.
    const s = script(Date.now() + 10_000);
    await r.push(instantGift(s, 'ana', 100));
    const progressing = await goalsOverlay.stateWhere(
      'goals',
      (st) => st.goals[0]?.current === 100 && st.goals[0]?.etaSeconds !== null,
      'progress with an ETA',
    );
    expect(progressing.goals[0]?.etaSeconds).toBeGreaterThan(0);
    expect(progressing.goals[0]?.reachedAt).toBeNull();

    // A streak counts when it commits, not frame by frame.
    const heart = { name: 'Finger Heart', coins: 5, id: 5487, groupId: 'h1' };
    s.wait(1_000);
    await r.push(
      s.gift(viewer('bo'), { ...heart, count: 1, end: false }),
      s.gift(viewer('bo'), { ...heart, count: 2, end: false }),
    );
    await r.push(s.gift(viewer('bo'), { ...heart, count: 3, end: true }));
    await goalsOverlay.stateWhere('goals', (st) => st.goals[0]?.current === 115, 'the streak');

    s.wait(1_000);
    await r.push(instantGift(s, 'cy', 900));
    const reached = await goalsOverlay.stateWhere(
      'goals',
      (st) => (st.goals[0]?.current ?? 0) >= 1_000,
      'the goal reached',
    );
    expect(reached.goals[0]).toMatchObject({ current: 1_015, etaSeconds: 0 });
    expect(reached.goals[0]?.reachedAt).not.toBeNull();
    const seen = new Set(
      goalsOverlay
        .states('goals')
        .filter((st) => st.goals.length > 0)
        .map((st) => st.goals[0]?.current),
    );
    expect([...seen]).toEqual([0, 100, 115, 1_015]);
  });
});

describe('the leaderboard through the server', () => {
  it('ranks top gifters by committed streaks; an open streak counts once it commits', async () => {
    room = await startEngineRoom();
    const r = room;
    const board = await r.overlay(['leaderboard', 'earnings']);
    const s = script(Date.now());
    const heart = { name: 'Finger Heart', coins: 5, id: 5487, groupId: 'h1' };
    await r.push(
      // cy's Rose streak stays open (no end frame yet): provisional, not ranked.
      s.gift(viewer('cy'), { count: 1, end: false, groupId: 'r1' }),
      s.gift(viewer('cy'), { count: 50, end: false, groupId: 'r1' }),
      s.gift(viewer('ana'), { ...heart, count: 1, end: false }),
      s.gift(viewer('ana'), { ...heart, count: 3, end: true }),
      instantGift(s, 'bo', 100),
    );
    const ranked = await board.stateWhere(
      'leaderboard',
      (st) => st.top.length === 2,
      'two committed gifters',
    );
    expect(ranked.top.map((t) => [t.handle, t.coins])).toEqual([
      ['bo', 100],
      ['ana', 15],
    ]);
    expect(board.everything()).not.toContain('"cy"');
    // The open streak shows as provisional coins until it commits.
    const open = await board.stateWhere(
      'earnings',
      (st) => st.committedCoins === 115,
      'earnings of the committed gifts',
    );
    expect(open.provisionalCoins).toBe(50);

    // Twenty quiet seconds of stream time later the open streak commits at its highest count.
    s.wait(20_000);
    await r.push(s.viewers(12));
    const withCy = await board.stateWhere(
      'leaderboard',
      (st) => st.top.some((t) => t.handle === 'cy'),
      'the quiet streak committed',
    );
    expect(withCy.top.map((t) => [t.handle, t.coins])).toEqual([
      ['bo', 100],
      ['cy', 50],
      ['ana', 15],
    ]);
    const settled = await board.stateWhere(
      'earnings',
      (st) => st.committedCoins === 165,
      'earnings after the quiet commit',
    );
    expect(settled.provisionalCoins).toBe(0);
    const report = await r.report();
    expect(report.topGifters.map((t) => t.handle)).toEqual(['bo', 'cy', 'ana']);
    expect(report.coins).toBe(165);
  });
});
