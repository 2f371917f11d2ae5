/**
 * A stream report as JSON (the keys the README lists), CSV (one `key,value` row per figure, nested keys
 * dotted: `giftsByName.Rose.coins`) or Markdown (for pasting into a brand's email).
 */
import type { StreamReport } from '../../shared/engines/live-room-contract';

type MoneyKey = 'diamonds' | 'estimatedPayoutUsd' | 'revenueModel';
/** A full report, or one without its money figures (a moderator's, see http/reports.ts). */
type FormattableReport = Omit<StreamReport, MoneyKey> & Partial<Pick<StreamReport, MoneyKey>>;

export const REPORT_FORMATS = ['json', 'csv', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const isReportFormat = (value: unknown): value is ReportFormat =>
  typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function formatReport(report: FormattableReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return toCsv(report);
  return toMarkdown(report);
}

function flatten(value: unknown, prefix: string, rows: Array<[string, string]>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) rows.push([prefix, '']);
    value.forEach((item, index) => {
      flatten(item, `${prefix}.${index}`, rows);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value))
      flatten(item, prefix ? `${prefix}.${key}` : key, rows);
  } else {
    rows.push([prefix, value === null || value === undefined ? '' : String(value)]);
  }
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run viewer names. */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv(report: FormattableReport): string {
  const rows: Array<[string, string]> = [];
  flatten(report, '', rows);
  return `key,value\n${rows.map(([key, value]) => `${csvCell(key)},${csvCell(value)}`).join('\n')}\n`;
}

/** Markdown table cells: pipes and newlines would break the table, backslashes escape. */
function mdCell(value: unknown): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function toMarkdown(r: FormattableReport): string {
  const when = (ms: number | null) => (ms === null ? 'running' : new Date(ms).toISOString());
  const lines = [
    `# Stream report ${mdCell(r.streamId)}`,
    '',
    `${when(r.startedAt)} → ${when(r.endedAt)} (${r.durationSeconds} s)`,
    '',
    '| figure | value |',
    '| --- | --- |',
    ...(
      [
        ['coins (committed)', r.coins],
        ['guest coins', r.guestCoins],
        ['diamonds', r.diamonds],
        ['estimated payout (USD)', r.estimatedPayoutUsd],
        ['revenue model', r.revenueModel?.name],
        ['gifts', r.gifts],
        ['followers', r.followers],
        ['shares', r.shares],
        ['likes', r.likes],
        ['peak viewers', r.peakViewers],
        ['average viewers', r.averageViewers],
        ['chat messages', r.chatMessages],
        ['unique chatters', r.uniqueChatters],
        ['questions', r.questions],
        ['engagement rate', r.engagementRate],
        ['polls', r.polls.length],
        ['sponsor segments', r.sponsorSegments.length],
        ['treasure chests', r.treasureChests],
        ['joins', r.joins],
        ['emotes', r.emotes],
        ['subscriptions', r.subscriptions],
        ['new Super Fans', r.superFans],
        ["host's followers (TikTok)", r.followerCount ?? 'not stated'],
        ['everyone who watched (TikTok)', r.totalViewers ?? 'not stated'],
      ] as const
    )
      // Money figures withheld from a moderator are left out, not shown as blanks.
      .filter(([, value]) => value !== undefined)
      .map(([label, value]) => `| ${label} | ${mdCell(value)} |`),
    '',
    '## Gifts',
    '',
    '| gift | units | coins |',
    '| --- | --- | --- |',
    ...Object.entries(r.giftsByName).map(
      ([name, g]) => `| ${mdCell(name)} | ${g.units} | ${g.coins} |`,
    ),
    '',
    '## Top gifters',
    '',
    '| handle | nickname | coins |',
    '| --- | --- | --- |',
    ...r.topGifters.map((g) => `| @${mdCell(g.handle)} | ${mdCell(g.nickname)} | ${g.coins} |`),
    '',
    ...topViewersMarkdown(r.topViewers),
    ...battlesMarkdown(r.battles),
  ];
  return `${lines.join('\n')}\n`;
}

/** Battles: each side with its points (the streamer's side first), and how it ended. */
function battlesMarkdown(battles: StreamReport['battles']): string[] {
  if (battles.length === 0) return [];
  const host = (side: StreamReport['battles'][number]['sides'][number]) =>
    side.handle ? `@${side.handle}` : side.hostId;
  const outcome = (battle: StreamReport['battles'][number]) => {
    if (battle.status === 'running') return 'running';
    if (battle.status === 'unfinished') return 'no result (cut off)';
    if (battle.draw) return 'draw';
    const winner = battle.sides.find((side) => side.hostId === battle.winnerHostId);
    return winner ? `${host(winner)} won` : 'ended';
  };
  return [
    '## Battles',
    '',
    'Battle points restate gifts already counted above; they are not coins.',
    '',
    '| started | sides (points) | result |',
    '| --- | --- | --- |',
    ...battles.map((battle) => {
      const sides = battle.sides
        .map((side) => `${host(side)}${side.streamer ? ' (streamer)' : ''} ${side.score}`)
        .join(' · ');
      const started = new Date(battle.startedAt).toISOString();
      return `| ${started} | ${mdCell(sides)} | ${mdCell(outcome(battle))} |`;
    }),
    '',
  ];
}

/** TikTok's own ranking of the room's viewers: its coins restate gifts, so they are not added. */
function topViewersMarkdown(top: StreamReport['topViewers']): string[] {
  if (top.length === 0) return [];
  return [
    "## TikTok's top viewers",
    '',
    'As TikTok last ranked them; their coins restate the gifts above and are not added.',
    '',
    '| rank | handle | nickname | coins |',
    '| --- | --- | --- | --- |',
    ...top.map(
      (v, index) =>
        `| ${v.rank ?? index + 1} | @${mdCell(v.handle)} | ${mdCell(v.nickname)} | ${v.coins} |`,
    ),
    '',
  ];
}
