import { describe, expect, it } from 'vitest';
import { asModerator, asOwner, script, T0, viewer } from '../../../tests/support/engine-events';
import type { LiveEvent } from '../../events/live-event';
import { createLiveRoom } from '../live-room';
import type { LiveRoom } from '../live-room-contract';
import { type SponsorSegmentReport, sponsorReportCsv } from './sponsor-report';

const PLAN = {
  type: 'sponsor.plan',
  kind: 'sponsoredSegment',
  brand: 'GlowCo',
  product: 'Ring light',
  promoCode: 'GLOW20',
  callToAction: 'Link in bio',
  logoUrl: 'https://example.com/logo.png',
  plannedSeconds: 300,
  talkingPoints: ['Three colour modes'],
};

type Step = { event: LiveEvent } | { command: Record<string, unknown>; at: number };

/** Ten minutes of stream: two quiet minutes, a 4-minute segment with a 1-minute pause, then more. */
function streamSteps(): Step[] {
  const s = script();
  const steps: Step[] = [];
  const ev = (event: LiveEvent) => steps.push({ event });
  const cmd = (command: Record<string, unknown>) => steps.push({ command, at: s.now });
  ev(s.viewers(100));
  s.wait(60_000);
  ev(s.chat(viewer('a'), 'hi'));
  ev(s.like(null, 10, 100));
  s.wait(60_000);
  cmd({ type: 'sponsor.start', planId: 'deal-1' });
  ev(s.viewers(200));
  s.wait(30_000);
  ev(s.chat(viewer('b'), 'is glowco any good?'));
  ev(s.chat(viewer('c'), 'using code glow20 now'));
  ev(s.gift(viewer('c'), { name: 'Rose', coins: 1, count: 3, end: true, groupId: 'g7' }));
  ev(s.follow(viewer('c')));
  s.wait(30_000);
  cmd({ type: 'sponsor.pause' });
  s.wait(60_000);
  ev(s.chat(viewer('d'), 'GlowCo while paused'));
  cmd({ type: 'sponsor.resume' });
  ev(s.like(null, 10, 400));
  s.wait(60_000);
  ev(s.viewers(300));
  s.wait(60_000);
  cmd({ type: 'sponsor.end' });
  s.wait(120_000);
  ev(s.chat(viewer('e'), 'bye'));
  ev(s.streamEnd());
  return steps;
}

function newRoom(): LiveRoom {
  const r = createLiveRoom({ streamId: 's', startedAt: T0 });
  const planned = r.applyCommand({ ...PLAN, dealValueUsd: 1000 }, asOwner(T0));
  expect(planned.ack).toMatchObject({ ok: true, data: { id: 'deal-1' } });
  return r;
}

function play(r: LiveRoom, steps: Step[]): LiveRoom {
  for (const step of steps) {
    if ('event' in step) r.applyEvent(step.event);
    else expect(r.applyCommand(step.command, asModerator(step.at)).ack.ok).toBe(true);
  }
  return r;
}

describe('sponsor segments', () => {
  it('measures a segment in stream time, pauses excluded, and prices the deal after the platform share', () => {
    const report = play(newRoom(), streamSteps()).report();
    const [segment] = report.sponsorSegments as SponsorSegmentReport[];
    expect(segment).toMatchObject({
      brand: 'GlowCo',
      status: 'ended',
      onScreenSeconds: 180,
      viewerSeconds: 200 * 120 + 300 * 60,
      peakViewers: 300,
      averageViewers: 233.33,
      chatMessages: 2,
      mentions: 2,
      likes: 300,
      coins: 3,
      follows: 1,
      deal: { dealValueUsd: 1000, platformShareUsd: 200, netUsd: 800 },
    });
    // The rest of the stream: 5 of its 8 minutes (the pause included), 3 chats, 1 mention.
    expect(segment?.perMinute.chatMessages).toEqual({
      segmentPerMinute: 0.67,
      restOfStreamPerMinute: 0.6,
      lift: 1.11,
    });
    expect(segment?.perMinute.mentions).toEqual({
      segmentPerMinute: 0.67,
      restOfStreamPerMinute: 0.2,
      lift: 3.33,
    });
    expect(report.durationSeconds).toBe(480);
  });

  it('gives the same report when the server restarts in the middle of the segment', () => {
    const steps = streamSteps();
    const uninterrupted = play(newRoom(), steps).report();

    const half = steps.findIndex((s) => 'command' in s && s.command.type === 'sponsor.resume');
    const before = play(newRoom(), steps.slice(0, half + 2));
    const saved = JSON.parse(JSON.stringify(before.exportState()));
    const restarted = createLiveRoom({ streamId: 'ignored', startedAt: 0, state: saved });
    expect(restarted.snapshot(['sponsor']).sponsor?.card).toMatchObject({ state: 'running' });
    play(restarted, steps.slice(half + 2));

    expect(restarted.report()).toEqual(uninterrupted);
    expect(restarted.exportState()).toEqual(play(newRoom(), steps).exportState());
  });

  it('writes the report as CSV with formulas neutralized', () => {
    const r = newRoom();
    r.applyCommand({ ...PLAN, planId: 'deal-1', brand: '=HYPERLINK("x")' }, asModerator(T0));
    r.applyCommand({ type: 'sponsor.start', planId: 'deal-1' }, asModerator(T0));
    r.applyCommand({ type: 'sponsor.end' }, asModerator(T0 + 60_000));
    const csv = sponsorReportCsv(r.report().sponsorSegments[0] as SponsorSegmentReport);
    const lines = csv.split('\n');
    expect(lines[0]).toBe('field,value');
    expect(lines).toContain('brand,"\'=HYPERLINK(""x"")"');
    expect(lines).toContain('onScreenSeconds,60');
    expect(lines).toContain('deal.netUsd,800');
  });

  it('refuses what does not fit: a second segment, unknown plans, a moderator setting the value', () => {
    const r = newRoom();
    const mod = asModerator(T0);
    expect(r.applyCommand({ type: 'sponsor.start', planId: 'deal-9' }, mod).ack).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(r.applyCommand({ type: 'sponsor.pause' }, mod).ack).toMatchObject({ code: 'NOT_FOUND' });
    r.applyCommand({ type: 'sponsor.start', planId: 'deal-1' }, mod);
    expect(r.applyCommand({ type: 'sponsor.start', planId: 'deal-1' }, mod).ack).toMatchObject({
      code: 'CONFLICT',
    });
    expect(r.applyCommand({ type: 'sponsor.resume' }, mod).ack).toMatchObject({ code: 'CONFLICT' });
    expect(r.applyCommand({ ...PLAN, dealValueUsd: 5 }, mod).ack).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      r.applyCommand({ type: 'sponsor.setDealValue', planId: 'deal-1', dealValueUsd: 5 }, mod).ack,
    ).toMatchObject({ code: 'FORBIDDEN' });
    // The broadcast channel never carries the deal value.
    expect(JSON.stringify(r.snapshot(['sponsor']))).not.toContain('1000');
  });

  it('shows the sponsor card while the segment runs, with fixes made meanwhile', () => {
    const r = newRoom();
    const mod = asModerator(T0 + 1000);
    const started = r.applyCommand({ type: 'sponsor.start', planId: 'deal-1' }, mod);
    expect(started.updates.find((u) => u.type === 'sponsor.state')?.data).toMatchObject({
      card: { brand: 'GlowCo', promoCode: 'GLOW20', state: 'running', plannedSeconds: 300 },
    });
    r.applyCommand({ ...PLAN, planId: 'deal-1', promoCode: 'GLOW25' }, asModerator(T0 + 31_000));
    expect(r.snapshot(['sponsor']).sponsor?.card).toMatchObject({
      promoCode: 'GLOW25',
      elapsedSeconds: 30,
      measuredAt: T0 + 31_000,
    });
    r.applyCommand({ type: 'sponsor.end' }, mod);
    expect(r.snapshot(['sponsor']).sponsor?.card).toBeNull();
  });
});
