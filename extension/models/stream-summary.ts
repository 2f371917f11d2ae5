/** Turns the server's live channels or its final report into a stored stream summary. */
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { EarningsState, MetricsState } from '../../shared/protocol/channel-data';
import type { EarningsEntry, StreamSummary } from '../storage/records';

export function summaryFromLive(
  streamId: string,
  earnings: EarningsState,
  metrics: MetricsState,
  now: number,
): StreamSummary {
  return {
    streamId,
    startedAt: now - metrics.durationSeconds * 1000,
    endedAt: null,
    durationSeconds: metrics.durationSeconds,
    coins: earnings.committedCoins,
    diamonds: earnings.figures.diamonds,
    estimatedPayoutUsd: earnings.figures.estimatedPayoutUsd,
    revenueModelId: earnings.figures.model.id,
    revenueModelName: earnings.figures.model.name,
    peakViewers: metrics.peakViewers,
    averageViewers: metrics.averageViewers,
    followers: metrics.follows,
    likes: metrics.likes,
    chatMessages: metrics.chatMessages,
    engagementRate: metrics.engagementRate,
    final: false,
  };
}

export function summaryFromReport(report: StreamReport): StreamSummary {
  return {
    streamId: report.streamId,
    startedAt: report.startedAt,
    endedAt: report.endedAt,
    durationSeconds: report.durationSeconds,
    coins: report.coins,
    diamonds: report.diamonds,
    estimatedPayoutUsd: report.estimatedPayoutUsd,
    revenueModelId: report.revenueModel.id,
    revenueModelName: report.revenueModel.name,
    peakViewers: report.peakViewers,
    averageViewers: report.averageViewers,
    followers: report.followers,
    likes: report.likes,
    chatMessages: report.chatMessages,
    engagementRate: report.engagementRate,
    final: report.endedAt !== null,
  };
}

export function earningsOf(summary: StreamSummary): EarningsEntry {
  return {
    streamId: summary.streamId,
    at: summary.startedAt,
    coins: summary.coins,
    diamonds: summary.diamonds,
    estimatedPayoutUsd: summary.estimatedPayoutUsd,
    revenueModelId: summary.revenueModelId,
    revenueModelName: summary.revenueModelName,
  };
}
