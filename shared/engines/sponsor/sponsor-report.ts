/**
 * The brand's report for one sponsor segment: exposure measured while the segment ran, each
 * count also as a per-minute rate beside the same rate over the rest of the stream, and the
 * deal value after the platform share.
 */
import { brandDealNet, type RevenueModel } from '../../revenue/revenue-model';
import { round2 } from '../json-state';

/** Counts measured while a segment was running (paused time excluded). */
export interface SegmentMeasures {
  onScreenMs: number;
  /** ∫ viewers dt over the running time, viewer-milliseconds. */
  viewerMs: number;
  peakViewers: number;
  chatMessages: number;
  mentions: number;
  likes: number;
  coins: number;
  follows: number;
  shares: number;
}

/** Whole-stream counts the segment is compared with. */
export interface StreamTotals {
  durationMs: number;
  viewerMs: number;
  chatMessages: number;
  likes: number;
  coins: number;
  follows: number;
  shares: number;
}

export interface RateComparison {
  segmentPerMinute: number;
  restOfStreamPerMinute: number | null;
  /** segment ÷ rest; null when the rest of the stream had none (or no time). */
  lift: number | null;
}

/** Which segment a report is about, and where it stands: carried from the facts into the report. */
export interface SegmentIdentity {
  segmentId: string;
  planId: string;
  kind: string;
  brand: string;
  product: string;
  promoCode: string | null;
  callToAction: string | null;
  status: 'running' | 'paused' | 'ended';
  startedAt: number;
  endedAt: number | null;
  plannedSeconds: number;
}

export interface SponsorSegmentReport extends SegmentIdentity {
  onScreenSeconds: number;
  viewerSeconds: number;
  viewerMinutes: number;
  peakViewers: number;
  averageViewers: number;
  averageViewersRestOfStream: number | null;
  chatMessages: number;
  mentions: number;
  likes: number;
  coins: number;
  follows: number;
  shares: number;
  perMinute: Record<
    'chatMessages' | 'mentions' | 'likes' | 'coins' | 'follows' | 'shares',
    RateComparison
  >;
  /** The deal after the platform share; null when the owner set no value. */
  deal: {
    dealValueUsd: number;
    platformShareUsd: number;
    netUsd: number;
    revenueModelId: string;
    revenueModelName: string;
  } | null;
}

export interface SegmentFacts extends SegmentIdentity {
  dealValueUsd: number | null;
  measures: SegmentMeasures;
  /** Mentions of this deal's brand or code over the whole stream (segment included). */
  streamMentions: number;
}

const perMinute = (count: number, ms: number) => (ms > 0 ? (count * 60_000) / ms : 0);

function compare(segment: number, total: number, segMs: number, restMs: number): RateComparison {
  const seg = perMinute(segment, segMs);
  if (restMs <= 0)
    return { segmentPerMinute: round2(seg), restOfStreamPerMinute: null, lift: null };
  const rest = perMinute(Math.max(0, total - segment), restMs);
  return {
    segmentPerMinute: round2(seg),
    restOfStreamPerMinute: round2(rest),
    lift: rest > 0 ? round2(seg / rest) : null,
  };
}

/** The identity fields alone (facts also carry measures, which the report reshapes). */
function segmentIdentity(facts: SegmentIdentity): SegmentIdentity {
  const { segmentId, planId, kind, brand, product, promoCode, callToAction } = facts;
  const { status, startedAt, endedAt, plannedSeconds } = facts;
  return {
    segmentId,
    planId,
    kind,
    brand,
    product,
    promoCode,
    callToAction,
    status,
    startedAt,
    endedAt,
    plannedSeconds,
  };
}

export function sponsorSegmentReport(
  facts: SegmentFacts,
  stream: StreamTotals,
  model: RevenueModel,
): SponsorSegmentReport {
  const m = facts.measures;
  const restMs = Math.max(0, stream.durationMs - m.onScreenMs);
  const rate = (seg: number, total: number) => compare(seg, total, m.onScreenMs, restMs);
  const deal = facts.dealValueUsd === null ? null : brandDealNet(facts.dealValueUsd, model);
  return {
    ...segmentIdentity(facts),
    onScreenSeconds: round2(m.onScreenMs / 1000),
    viewerSeconds: Math.round(m.viewerMs / 1000),
    viewerMinutes: round2(m.viewerMs / 60_000),
    peakViewers: m.peakViewers,
    averageViewers: m.onScreenMs > 0 ? round2(m.viewerMs / m.onScreenMs) : 0,
    averageViewersRestOfStream:
      restMs > 0 ? round2(Math.max(0, stream.viewerMs - m.viewerMs) / restMs) : null,
    chatMessages: m.chatMessages,
    mentions: m.mentions,
    likes: m.likes,
    coins: m.coins,
    follows: m.follows,
    shares: m.shares,
    perMinute: {
      chatMessages: rate(m.chatMessages, stream.chatMessages),
      mentions: rate(m.mentions, facts.streamMentions),
      likes: rate(m.likes, stream.likes),
      coins: rate(m.coins, stream.coins),
      follows: rate(m.follows, stream.follows),
      shares: rate(m.shares, stream.shares),
    },
    deal: deal && {
      dealValueUsd: deal.dealValueUsd,
      platformShareUsd: deal.platformShareUsd,
      netUsd: deal.netUsd,
      revenueModelId: model.id,
      revenueModelName: model.name,
    },
  };
}

/**
 * The report as CSV: one `field,value` row per figure (nested rates flattened with dots).
 * Text cells are quoted, and a leading = + - @ is neutralized so a spreadsheet never runs a
 * brand name as a formula.
 */
export function sponsorReportCsv(report: SponsorSegmentReport): string {
  const rows: Array<[string, unknown]> = [];
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value))
        walk(prefix ? `${prefix}.${key}` : key, inner);
    } else {
      rows.push([prefix, value]);
    }
  };
  walk('', report);
  return ['field,value', ...rows.map(([k, v]) => `${csvCell(k)},${csvCell(v)}`)].join('\n');
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
