/**
 * Sponsor segments: plan, run with a countdown and the live measurements, pause, end, and keep
 * each segment's report for the brand (exported as CSV or JSON by the view).
 */
import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { SponsorCardView } from '../../shared/protocol/channel-data';
import type { SponsorPlanCommand } from '../../shared/protocol/commands';
import type { PanelStore } from '../storage/panel-store';
import type { SponsorReportRecord } from '../storage/records';
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

export type SponsorDraft = Omit<PlannedSegment, 'planId'> & { callToAction: string | null };

export const SponsorModel = createModel(
  (transport: ControlTransport, room: RoomModel, store: PanelStore) => {
    const commands = createCommandRunner(transport);
    const card = computed(() => room.sponsor.value?.card ?? null);
    const plans = signal<PlannedSegment[]>([]);
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

    const loadReports = action(async () => {
      reports.value = (await store.getAll('sponsorReports')).sort((a, b) => b.endedAt - a.endedAt);
    });

    const plan = action(async (draft: SponsorDraft) => {
      const ack = await commands.send({ type: 'sponsor.plan', ...draft });
      if (!ack.ok) return ack;
      const planId = idFrom(ack.data, ['planId', 'id']);
      if (planId) plans.value = [...plans.peek(), { ...draft, planId }];
      return ack;
    });

    const start = action((planId: string) => commands.send({ type: 'sponsor.start', planId }));
    const pause = action(() => commands.send({ type: 'sponsor.pause' }));
    const resume = action(() => commands.send({ type: 'sponsor.resume' }));

    /** Ends the segment; the server's acknowledgement carries the segment's report. */
    const end = action(async () => {
      const running = card.peek();
      const ack = await commands.send({ type: 'sponsor.end' });
      if (!ack.ok || !running) return ack;
      const report = reportFrom(ack.data, running);
      await store.put('sponsorReports', {
        segmentId: running.segmentId,
        streamId: room.streamId.peek(),
        brand: running.brand,
        endedAt: Date.now(),
        report,
      });
      plans.value = plans.peek().filter((p) => p.planId !== running.segmentId);
      await loadReports();
      return ack;
    });

    return {
      card,
      plans,
      reports,
      now,
      remainingSeconds,
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

/** The report from the ack (`{report}` or the report itself), else what the card measured. */
function reportFrom(data: unknown, card: SponsorCardView): Record<string, unknown> {
  if (typeof data === 'object' && data !== null) {
    const inner = (data as { report?: unknown }).report;
    if (typeof inner === 'object' && inner !== null) return inner as Record<string, unknown>;
    return data as Record<string, unknown>;
  }
  return {
    segmentId: card.segmentId,
    kind: card.kind,
    brand: card.brand,
    product: card.product,
    plannedSeconds: card.plannedSeconds,
    onScreenSeconds: card.elapsedSeconds,
  };
}
