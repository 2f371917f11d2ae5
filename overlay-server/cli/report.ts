/**
 * `npm run report -- FILE [--format json|csv|md] [--strict]`: the stream report of a journal
 * (`~/.limelight/streams/<id>.jsonl`) or a raw tiktok-live-connector recording, on stdout. What
 * became of every line (events by kind, duplicates, skipped lines by reason, unknown events)
 * goes to stderr, the same summary `npm start -- --replay FILE` prints. Exit code: 0 on success;
 * 1 when the file cannot be read, when no line of it is an event, or with `--strict` when any
 * line was skipped; 2 on bad flags.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createLiveRoom } from '../../shared/engines';
import { formatReport, isReportFormat, REPORT_FORMATS } from '../report/format-report';
import { reportFromFile } from '../report/report-from-file';
import { formatInputSummary } from '../sources/input-summary';

const USAGE = `Usage: npm run report -- FILE [--format ${REPORT_FORMATS.join('|')}] [--strict]

  FILE        a Limelight journal (~/.limelight/streams/<stream>.jsonl) or a raw
              tiktok-live-connector recording ({"event","data","at"} per line)
  --format    json (default), csv or md
  --strict    exit with code 1 when any line of FILE was skipped (the report is still printed)`;

async function main(): Promise<number> {
  let values: { format?: string; help?: boolean; strict?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'json';
  const [file, ...extra] = positionals;
  if (!isReportFormat(format) || !file || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!existsSync(file)) {
    process.stderr.write(`${file}: no such file\n`);
    return 1;
  }
  const { report, summary } = await reportFromFile(file, createLiveRoom);
  process.stderr.write(formatInputSummary(summary, basename(file)));
  if (!report) {
    process.stderr.write(`${file}: no line is an event, so there is nothing to report\n`);
    return 1;
  }
  process.stdout.write(formatReport(report, format));
  if (values.strict && summary.skipped.count > 0) {
    process.stderr.write(`--strict: ${summary.skipped.count} skipped lines\n`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `report failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
