/**
 * Sponsor segments: deal plans, and runs of them (start, pause, resume, end) measured in stream
 * time, so a segment that spans a server restart continues from its exported state.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import type { SponsorCardView, SponsorPlanView, SponsorState } from '../../protocol/channel-data';
import type { SponsorPlanCommand } from '../../protocol/commands/sponsor';
import type { RevenueModel } from '../../revenue/revenue-model';
import { clone } from '../json-state';
import { mentionsAny } from './brand-mentions';
import {
  type SegmentMeasures,
  type SponsorSegmentReport,
  type StreamTotals,
  sponsorSegmentReport,
} from './sponsor-report';

interface SponsorPlan extends Omit<SponsorPlanView, 'hasDealValue'> {
  dealValueUsd: number | null;
  /** Chat lines that mentioned the brand or code since the plan was made. */
  streamMentions: number;
}

interface SegmentRecord {
  id: string;
  planId: string;
  state: 'running' | 'paused' | 'ended';
  startedAt: number;
  endedAt: number | null;
  measures: SegmentMeasures;
  /** Frozen copy of the plan when the segment started (the report names what ran). */
  plan: SponsorPlan;
}

/** Exported state of the sponsor engine. */
export interface SponsorEngineState {
  planSeq: number;
  segmentSeq: number;
  plans: SponsorPlan[];
  segments: SegmentRecord[];
  activeId: string | null;
  /** Stream time the active segment's measures run to. */
  measuredAt: number;
}

const emptyMeasures = (viewers: number): SegmentMeasures => ({
  onScreenMs: 0,
  viewerMs: 0,
  peakViewers: viewers,
  chatMessages: 0,
  mentions: 0,
  likes: 0,
  coins: 0,
  follows: 0,
  shares: 0,
});

export function createSponsorEngine(saved?: SponsorEngineState) {
  const s: SponsorEngineState = saved
    ? clone(saved)
    : { planSeq: 0, segmentSeq: 0, plans: [], segments: [], activeId: null, measuredAt: 0 };

  const active = () => s.segments.find((seg) => seg.id === s.activeId) ?? null;
  const running = () => {
    const seg = active();
    return seg?.state === 'running' ? seg : null;
  };

  const planView = (p: SponsorPlan): SponsorPlanView => ({
    id: p.id,
    kind: p.kind,
    brand: p.brand,
    product: p.product,
    promoCode: p.promoCode,
    callToAction: p.callToAction,
    logoUrl: p.logoUrl,
    plannedSeconds: p.plannedSeconds,
    talkingPoints: [...p.talkingPoints],
    hasDealValue: p.dealValueUsd !== null,
  });

  const card = (seg: SegmentRecord): SponsorCardView => ({
    segmentId: seg.id,
    kind: seg.plan.kind,
    brand: seg.plan.brand,
    product: seg.plan.product,
    promoCode: seg.plan.promoCode,
    callToAction: seg.plan.callToAction,
    logoUrl: seg.plan.logoUrl,
    plannedSeconds: seg.plan.plannedSeconds,
    elapsedSeconds: Math.round(seg.measures.onScreenMs / 1000),
    state: seg.state === 'paused' ? 'paused' : 'running',
    measuredAt: s.measuredAt,
  });

  const needActive = (want: 'running' | 'paused' | 'any'): Ack<SegmentRecord> => {
    const seg = active();
    if (!seg) return fail('NOT_FOUND', 'no sponsor segment is running');
    if (want !== 'any' && seg.state !== want) {
      return fail('CONFLICT', `segment ${seg.id} is ${seg.state}`);
    }
    return ok(seg);
  };

  return {
    /** Creates a plan, or updates `planId`; a missing deal value keeps the one set before. */
    plan(cmd: SponsorPlanCommand): Ack<SponsorPlanView> {
      const existing = cmd.planId ? s.plans.find((p) => p.id === cmd.planId) : undefined;
      if (cmd.planId && !existing) return fail('NOT_FOUND', `planId: no plan ${cmd.planId}`);
      const fields = {
        kind: cmd.kind,
        brand: cmd.brand,
        product: cmd.product,
        promoCode: cmd.promoCode,
        callToAction: cmd.callToAction,
        logoUrl: cmd.logoUrl,
        plannedSeconds: cmd.plannedSeconds,
        talkingPoints: [...cmd.talkingPoints],
      };
      if (existing) {
        Object.assign(existing, fields);
        if (cmd.dealValueUsd !== undefined) existing.dealValueUsd = cmd.dealValueUsd;
        // A fix made while the segment runs (a typo in the code) reaches the card at once.
        const running = active();
        if (running?.planId === existing.id) {
          Object.assign(running.plan, fields, { dealValueUsd: existing.dealValueUsd });
        }
        return ok(planView(existing));
      }
      s.planSeq++;
      const plan: SponsorPlan = {
        id: `deal-${s.planSeq}`,
        ...fields,
        dealValueUsd: cmd.dealValueUsd ?? null,
        streamMentions: 0,
      };
      s.plans.push(plan);
      return ok(planView(plan));
    },

    setDealValue(planId: string, dealValueUsd: number): Ack<SponsorPlanView> {
      const plan = s.plans.find((p) => p.id === planId);
      if (!plan) return fail('NOT_FOUND', `planId: no plan ${planId}`);
      plan.dealValueUsd = dealValueUsd;
      // Segments already run carry a frozen plan: their reports take the new value too.
      for (const seg of s.segments) if (seg.planId === planId) seg.plan.dealValueUsd = dealValueUsd;
      return ok(planView(plan));
    },

    start(planId: string, now: number, viewers: number): Ack<SponsorCardView> {
      const plan = s.plans.find((p) => p.id === planId);
      if (!plan) return fail('NOT_FOUND', `planId: no plan ${planId}`);
      const current = active();
      if (current)
        return fail('CONFLICT', `segment ${current.id} is ${current.state}: end it first`);
      s.segmentSeq++;
      const seg: SegmentRecord = {
        id: `segment-${s.segmentSeq}`,
        planId,
        state: 'running',
        startedAt: now,
        endedAt: null,
        measures: emptyMeasures(viewers),
        plan: clone(plan),
      };
      s.segments.push(seg);
      s.activeId = seg.id;
      s.measuredAt = now;
      return ok(card(seg));
    },

    pause(): Ack<SponsorCardView> {
      const found = needActive('running');
      if (!found.ok) return found;
      found.data.state = 'paused';
      return ok(card(found.data));
    },

    resume(viewers: number): Ack<SponsorCardView> {
      const found = needActive('paused');
      if (!found.ok) return found;
      found.data.state = 'running';
      found.data.measures.peakViewers = Math.max(found.data.measures.peakViewers, viewers);
      return ok(card(found.data));
    },

    end(now: number): Ack<{ segmentId: string }> {
      const found = needActive('any');
      if (!found.ok) return found;
      found.data.state = 'ended';
      found.data.endedAt = now;
      s.activeId = null;
      return ok({ segmentId: found.data.id });
    },

    /** Stream time moved from the last call to `now` with `viewers` watching. */
    elapse(now: number, viewers: number) {
      const seg = running();
      if (seg && now > s.measuredAt) {
        seg.measures.onScreenMs += now - s.measuredAt;
        seg.measures.viewerMs += viewers * (now - s.measuredAt);
      }
      if (now > s.measuredAt) s.measuredAt = now;
    },

    onViewers(count: number) {
      const seg = running();
      if (seg) seg.measures.peakViewers = Math.max(seg.measures.peakViewers, count);
    },

    onChat(text: string) {
      for (const plan of s.plans) {
        if (mentionsAny(text, [plan.brand, plan.promoCode])) plan.streamMentions++;
      }
      const seg = running();
      if (!seg) return;
      seg.measures.chatMessages++;
      if (mentionsAny(text, [seg.plan.brand, seg.plan.promoCode])) seg.measures.mentions++;
    },

    /** Adds to a running segment's likes, coins, follows or shares. */
    count(kind: 'likes' | 'coins' | 'follows' | 'shares', amount: number) {
      const seg = running();
      if (seg) seg.measures[kind] += amount;
    },

    /** Ends a running or paused segment at stream end; true when there was one. */
    endActive(now: number): boolean {
      const seg = active();
      if (!seg) return false;
      seg.state = 'ended';
      seg.endedAt = now;
      s.activeId = null;
      return true;
    },

    view(): SponsorState {
      const seg = active();
      return {
        card: seg ? card(seg) : null,
        plans: s.plans.map(planView),
        segments: s.segments.map((x) => ({
          id: x.id,
          planId: x.planId,
          state: x.state,
          startedAt: x.startedAt,
          endedAt: x.endedAt,
          onScreenSeconds: Math.round(x.measures.onScreenMs / 1000),
        })),
      };
    },

    reports(stream: StreamTotals, model: RevenueModel): SponsorSegmentReport[] {
      return s.segments.map((seg) =>
        sponsorSegmentReport(
          {
            segmentId: seg.id,
            planId: seg.planId,
            kind: seg.plan.kind,
            brand: seg.plan.brand,
            product: seg.plan.product,
            promoCode: seg.plan.promoCode,
            callToAction: seg.plan.callToAction,
            status: seg.state,
            startedAt: seg.startedAt,
            endedAt: seg.endedAt,
            plannedSeconds: seg.plan.plannedSeconds,
            dealValueUsd: seg.plan.dealValueUsd,
            measures: seg.measures,
            streamMentions:
              s.plans.find((p) => p.id === seg.planId)?.streamMentions ?? seg.measures.mentions,
          },
          stream,
          model,
        ),
      );
    },

    exportState: (): SponsorEngineState => clone(s),
  };
}

export type SponsorEngine = ReturnType<typeof createSponsorEngine>;
