/**
 * `npm run report -- FILE [--format json|csv|md]`: the stream report of a journal
 * (`~/.limelight/streams/<id>.jsonl`) or a raw tiktok-live-connector recording, on stdout.
 * Problems with the file go to stderr; the exit code is 0 on success, 1 when the file cannot be
 * read, 2 on bad flags.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLiveRoom } from '../../shared/engines';
import { formatReport, isReportFormat, REPORT_FORMATS } from '../report/format-report';
import { reportFromFile } from '../report/report-from-file';

const USAGE = `Usage: npm run report -- FILE [--format ${REPORT_FORMATS.join('|')}]

  FILE        a Limelight journal (~/.limelight/streams/<stream>.jsonl) or a raw
              tiktok-live-connector recording ({"event","data","at"} per line)
  --format    json (default), csv or md`;

async function main(): Promise<number> {
  let values: { format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
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
  const { report, problems } = await reportFromFile(file, createLiveRoom);
  for (const problem of problems.slice(0, 20)) {
    process.stderr.write(
      `warning: ${problem.line ? `line ${problem.line}: ` : ''}${problem.message}\n`,
    );
  }
  process.stdout.write(formatReport(report, format));
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
