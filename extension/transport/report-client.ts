/**
 * The server's stream reports over HTTP: `GET /api/streams/<id|current>/report`. The server
 * allows the extension's origin by CORS; the token travels as a query parameter.
 */
import type { StreamReport } from '../../shared/engines/live-room-contract';
import type { PairingTarget } from './pairing-link';

export type ReportFormat = 'json' | 'csv' | 'md';

export function reportUrl(target: PairingTarget, streamId: string, format: ReportFormat = 'json') {
  const url = new URL(`/api/streams/${encodeURIComponent(streamId)}/report`, target.origin);
  url.searchParams.set('format', format);
  url.searchParams.set('token', target.token);
  if (target.streamer) url.searchParams.set('streamer', target.streamer);
  return url.toString();
}

/** Fetches a stream's JSON report, or null when the server does not have it (yet). */
export async function fetchStreamReport(
  target: PairingTarget,
  streamId: string,
): Promise<StreamReport | null> {
  const response = await fetch(reportUrl(target, streamId));
  if (!response.ok) return null;
  const report = (await response.json()) as unknown;
  return typeof report === 'object' && report !== null && 'coins' in report
    ? (report as StreamReport)
    : null;
}

/** A report as the server formats it (CSV or Markdown for people, JSON for tools). */
export async function fetchReportText(
  target: PairingTarget,
  streamId: string,
  format: ReportFormat,
): Promise<string> {
  const response = await fetch(reportUrl(target, streamId, format));
  if (!response.ok)
    throw new Error(`The server has no report for ${streamId} (${response.status}).`);
  return response.text();
}

/** How the analytics model reads reports; injected so unit tests need no server. */
export type ReportFetcher = (streamId: string) => Promise<StreamReport | null>;
