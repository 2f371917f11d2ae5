/**
 * Sponsor segments: plan, run with a countdown and the live measurements, pause, end, and keep
 * each segment's report for the brand (exported as CSV or JSON by the view).
 */
import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { SponsorCardView, SponsorPlanView } from '../../shared/protocol/channel-data';
import type { SponsorPlanCommand } from '../../shared/protocol/commands';
import type { PanelStore } from '../storage/panel-store';
import type { SponsorReportRecord } from '../storage/records';
import type { ReportFetcher } from '../transport/report-client';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';
import type { RoomModel } from './room-model';

/** A plan the panel created this session, with the id the server gave it. */
export interface PlannedSegment {
  planId: string;
  kind: SponsorPlanCommand['kind'];
  brand: string;
  product: string;
  promoCode: string | null;
  plannedSeconds: number;
}

export type SponsorDraft = Omit<PlannedSegment, 'planId'> & {
  callToAction: string | null;
  /** The deal's gross value, USD: money, so only the owner's panel offers it. */
  dealValueUsd?: number;
};

/** How often a running segment's measurements are read from the server's report. */
const MEASURE_EVERY_MS = 5_000;

export const SponsorModel = createModel(
  (transport: ControlTransport, room: RoomModel, store: PanelStore, fetchReport: ReportFetcher) => {
    const commands = createCommandRunner(transport);
    const card = computed(() => room.sponsor.value?.card ?? null);
    /** Plans made from this panel, for servers whose sponsor channel does not list plans. */
    const localPlans = signal<PlannedSegment[]>([]);
    const plans = computed<PlannedSegment[]>(() => {
      const listed = room.sponsor.value?.plans;
      return listed ? listed.map(fromPlanView) : localPlans.value;
    });
    const reports = signal<SponsorReportRecord[]>([]);
    /** The panel's clock, ticking only while a segment runs (for the countdown). */
    const now = signal(Date.now());

    effect(() => {
      if (card.value?.state !== 'running') return;
      const timer = setInterval(() => {
        now.value = Date.now();
      }, 1000);
      return () => clearInterval(timer);
    });

    const remainingSeconds = computed(() => {
      const running = card.value;
      return running ? secondsLeft(running, now.value) : null;
    });

    /** The running segment's measurements from the server's report, refreshed while it runs. */
    const liveMeasures = signal<Record<string, unknown> | null>(null);
    const segmentReport = async (segmentId: string) => {
      const streamId = room.streamId.peek();
      const streamReport = streamId ? await fetchReport(streamId).catch(() => null) : null;
      return (
        streamReport?.sponsorSegments.find(
          (segment): segment is Record<string, unknown> =>
            typeof segment === 'object' &&
            segment !== null &&
            (segment as { segmentId?: unknown }).segmentId === segmentId,
        ) ?? null
      );
    };
    effect(() => {
      const segmentId = card.value?.segmentId;
      if (!segmentId) {
        liveMeasures.value = null;
        return;
      }
      let stopped = false;
      const refresh = async () => {
        const measured = await segmentReport(segmentId);
        if (!stopped) liveMeasures.value = measured;
      };
      void refresh();
      const timer = setInterval(() => void refresh(), MEASURE_EVERY_MS);
      return () => {
        stopped = true;
        clearInterval(timer);
      };
    });

    const loadReports = action(async () => {
      reports.value = (await store.getAll('sponsorReports')).sort((a, b) => b.endedAt - a.endedAt);
    });

    const plan = action(async (draft: SponsorDraft) => {
      const ack = await commands.send({ type: 'sponsor.plan', ...draft });
      if (!ack.ok) return ack;
      const planId = idFrom(ack.data, ['planId', 'id']);
      if (planId) localPlans.value = [...localPlans.peek(), { ...draft, planId }];
      return ack;
    });

    const start = action((planId: string) => commands.send({ type: 'sponsor.start', planId }));
    const pause = action(() => commands.send({ type: 'sponsor.pause' }));
    const resume = action(() => commands.send({ type: 'sponsor.resume' }));

    /** Ends the segment, then keeps the brand's report from the server's stream report. */
    const end = action(async () => {
      const running = card.peek();
      const ack = await commands.send({ type: 'sponsor.end' });
      if (!ack.ok || !running) return ack;
      const streamId = room.streamId.peek();
      const measured = await segmentReport(running.segmentId);
      await store.put('sponsorReports', {
        segmentId: running.segmentId,
        streamId,
        brand: running.brand,
        endedAt: Date.now(),
        report: measured ?? measuredOnCard(running),
      });
      await loadReports();
      return ack;
    });

    return {
      card,
      plans,
      reports,
      now,
      remainingSeconds,
      liveMeasures,
      commands,
      loadReports,
      plan,
      start,
      pause,
      resume,
      end,
    };
  },
);
export type SponsorModel = InstanceType<typeof SponsorModel>;

/** Seconds left in the planned segment, counting on from the server's last measurement. */
export function secondsLeft(card: SponsorCardView, now: number): number {
  const sinceMeasured = card.state === 'running' ? Math.max(0, (now - card.measuredAt) / 1000) : 0;
  return Math.max(0, Math.round(card.plannedSeconds - card.elapsedSeconds - sinceMeasured));
}

function idFrom(data: unknown, keys: string[]): string | null {
  if (typeof data !== 'object' || data === null) return null;
  for (const key of keys) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

/** What the panel saw of a segment, when the server's report does not have it. */
function measuredOnCard(card: SponsorCardView): Record<string, unknown> {
  return {
    segmentId: card.segmentId,
    kind: card.kind,
    brand: card.brand,
    product: card.product,
    plannedSeconds: card.plannedSeconds,
    onScreenSeconds: card.elapsedSeconds,
  };
}

function fromPlanView(plan: SponsorPlanView): PlannedSegment {
  return {
    planId: plan.id,
    kind: plan.kind,
    brand: plan.brand,
    product: plan.product,
    promoCode: plan.promoCode,
    plannedSeconds: plan.plannedSeconds,
  };
}
