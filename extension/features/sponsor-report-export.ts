/** A sponsor segment's report as files for the brand: JSON as measured, CSV one row. */
import type { SponsorReportRecord } from '../storage/records';
import { downloadText, toCsv } from '../ui/download';

function baseName(record: SponsorReportRecord) {
  const brand = record.brand.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'brand';
  return `sponsor-${brand}-${record.segmentId}`;
}

export function sponsorReportJson(record: SponsorReportRecord): string {
  return JSON.stringify(record, null, 2);
}

export function sponsorReportCsv(record: SponsorReportRecord): string {
  return toCsv([
    {
      segmentId: record.segmentId,
      streamId: record.streamId,
      brand: record.brand,
      endedAt: new Date(record.endedAt).toISOString(),
      ...record.report,
    },
  ]);
}

export function downloadSponsorReport(record: SponsorReportRecord, format: 'csv' | 'json') {
  if (format === 'csv')
    downloadText(`${baseName(record)}.csv`, sponsorReportCsv(record), 'text/csv');
  else downloadText(`${baseName(record)}.json`, sponsorReportJson(record), 'application/json');
}
