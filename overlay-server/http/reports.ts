/**
 * Stream reports over HTTP, per stream: the running stream's from its live room (through the
 * stream's port, so in a cluster from its writer), past ones rebuilt from their journals
 * (snapshot + tail) in the stream's data folder. Owner or moderator token required.
 */
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { Role } from '../../shared/protocol/roles';
import { roleSeesMoney } from '../broadcast/money-access';
import { type RoomFactory, recoverStream } from '../journal/recovery';
import { journalPathFor, listStreams, type StreamSummary } from '../journal/streams-dir';

export interface ReportDeps {
  createRoom: RoomFactory;
}

/** Every journal of a stream, newest first; the last one not ended is the running stream. */
export function pastStreams(dataDir: string): Array<StreamSummary & { current: boolean }> {
  const streams = listStreams(dataDir);
  const last = streams.at(-1);
  return streams
    .reverse()
    .map((summary) => ({ ...summary, current: summary === last && summary.endedAt === null }));
}

/** A past stream's report from its journal; null when there is no such stream. */
export function journalReport(
  deps: ReportDeps,
  dataDir: string,
  streamId: string,
): StreamReport | null {
  const path = journalPathFor(dataDir, streamId);
  if (!path) return null;
  try {
    return recoverStream(path, deps.createRoom)?.room.report() ?? null;
  } catch {
    return null;
  }
}

/** Report keys that are money (coins stay: they are public on TikTok). */
const MONEY_KEYS = ['diamonds', 'estimatedPayoutUsd', 'revenueModel'] as const;
type MoneyKey = (typeof MONEY_KEYS)[number];

/**
 * A report as a panel may read it: the full report, or without the money figures for a
 * moderator while the owner has not allowed it (`moneyWithheld: true` says so). A sponsor
 * segment's `deal` (deal value, platform share, net) goes too.
 */
export type PanelReport = Omit<StreamReport, MoneyKey> &
  Partial<Pick<StreamReport, MoneyKey>> & { moneyWithheld?: true };

export function reportForRole(
  report: StreamReport,
  role: Role,
  moderatorsSeeEarnings: boolean,
): PanelReport {
  if (roleSeesMoney(role, moderatorsSeeEarnings)) return report;
  const { diamonds: _d, estimatedPayoutUsd: _p, revenueModel: _m, ...rest } = report;
  const sponsorSegments = report.sponsorSegments.map((segment) => {
    if (typeof segment !== 'object' || segment === null || !('deal' in segment)) return segment;
    const { deal: _deal, ...withoutDeal } = segment as Record<string, unknown>;
    return withoutDeal;
  });
  return { ...rest, sponsorSegments, moneyWithheld: true };
}
