/**
 * What became of every line of a stream file (or every payload of the live connector): mapped to
 * an event, a duplicate of an earlier message id, or skipped with a reason. `npm run report` and
 * `--replay` print the same summary from this one module, and the connector's tally on the panel
 * and /health counts by the same reasons.
 */
import type { LiveEvent } from '../../shared/events/live-event';
import type { InputSummary, SkipReason } from '../../shared/protocol/input-summary';
import { type PayloadShape, SHAPE_LABELS } from './tiktok-payloads/shape';

/** One line's (or payload's) outcome. `line` is 1-based; absent for live payloads. */
export type InputOutcome =
  | { kind: 'event'; line?: number; event: LiveEvent; shape?: PayloadShape }
  | { kind: 'duplicate'; line?: number; id: string; shape?: PayloadShape }
  | { kind: 'skipped'; line?: number; reason: string; shape?: PayloadShape }
  /** A journal's own bookkeeping line (stream start, command, tick…): not an input event. */
  | { kind: 'record'; line?: number; type: string };

export type { InputSummary };

/** Lines named per reason (and per duplicate): the first few say where to look. */
const LINES_SHOWN = 3;
/** Distinct reasons and unknown names kept: a hostile file must not grow the summary unbounded. */
const MAX_REASONS = 50;
const OTHER_REASONS = 'other reasons (more than 50 kinds of problem)';
const MAX_UNKNOWN_NAMES = 100;
const OTHER_NAMES = '(other names)';
const UNKNOWN_EVENT = /^unknown event (.*)$/;

export interface InputTally {
  add(outcome: InputOutcome): void;
  /** Streaks the end of input committed (from the room that read the events). */
  settled(count: number): void;
  summary(): InputSummary;
}

export function createInputTally(): InputTally {
  const s: InputSummary = emptySummary();
  const reasons = new Map<string, SkipReason>();
  // A Map, not an object: event names come from the file (`__proto__`, `constructor`, …).
  const unknownNames = new Map<string, number>();
  const note = (lines: number[], line: number | undefined) => {
    if (line !== undefined && lines.length < LINES_SHOWN) lines.push(line);
  };
  return {
    add(outcome) {
      s.read++;
      if (outcome.kind === 'record') {
        s.journalRecords++;
        return;
      }
      if (outcome.shape) {
        const label = SHAPE_LABELS[outcome.shape];
        s.shapes[label] = (s.shapes[label] ?? 0) + 1;
      }
      if (outcome.kind === 'event') {
        s.events++;
        s.eventsByKind[outcome.event.kind] = (s.eventsByKind[outcome.event.kind] ?? 0) + 1;
      } else if (outcome.kind === 'duplicate') {
        s.duplicates.count++;
        note(s.duplicates.lines, outcome.line);
      } else {
        s.skipped.count++;
        const unknown = outcome.reason.match(UNKNOWN_EVENT)?.[1];
        if (unknown !== undefined) {
          const known = unknownNames.has(unknown) || unknownNames.size < MAX_UNKNOWN_NAMES;
          const name = known ? unknown : OTHER_NAMES;
          unknownNames.set(name, (unknownNames.get(name) ?? 0) + 1);
        }
        const wanted = unknown === undefined ? outcome.reason : 'unknown event';
        // Unknown events are one fixed group, never lumped with the rest.
        const roomFor = unknown !== undefined || reasons.size < MAX_REASONS;
        const key = reasons.has(wanted) || roomFor ? wanted : OTHER_REASONS;
        let group = reasons.get(key);
        if (!group) {
          group = { reason: key, count: 0, lines: [] };
          reasons.set(key, group);
        }
        group.count++;
        note(group.lines, outcome.line);
      }
    },
    settled(count) {
      s.streaksSettledAtEnd += count;
    },
    summary() {
      const byReason = [...reasons.values()]
        .map((group) => ({ ...group, lines: [...group.lines] }))
        .sort((a, b) => b.count - a.count);
      const unknownEvents = Object.fromEntries(unknownNames);
      return structuredClone({
        ...s,
        skipped: { count: s.skipped.count, byReason },
        unknownEvents,
      });
    },
  };
}

export function emptySummary(): InputSummary {
  return {
    read: 0,
    events: 0,
    eventsByKind: {},
    duplicates: { count: 0, lines: [] },
    skipped: { count: 0, byReason: [] },
    unknownEvents: {},
    shapes: {},
    journalRecords: 0,
    streaksSettledAtEnd: 0,
  };
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** "lines 3, 7, 9 and 12 more" for a group of `count` with its first lines. */
function linesText(lines: number[], count: number): string {
  if (lines.length === 0) return '';
  const more = count - lines.length;
  return ` (${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

const counted = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');

/** The summary as text, the same for `report` and `--replay`. */
export function formatInputSummary(summary: InputSummary, name: string): string {
  const out = [
    `${name}: ${plural(summary.read, 'line')} read: ${plural(summary.events, 'event')}, ` +
      `${plural(summary.duplicates.count, 'duplicate')}, ${summary.skipped.count} skipped` +
      (summary.journalRecords > 0 ? `, ${summary.journalRecords} journal records` : ''),
  ];
  if (Object.keys(summary.shapes).length > 0)
    out.push(`  payload shapes: ${counted(summary.shapes)}`);
  if (summary.events > 0) out.push(`  events by kind: ${counted(summary.eventsByKind)}`);
  if (summary.duplicates.count > 0) {
    out.push(
      `  duplicates (a message id seen before, counted once): ${summary.duplicates.count}` +
        linesText(summary.duplicates.lines, summary.duplicates.count),
    );
  }
  if (summary.skipped.count > 0) {
    out.push('  skipped lines by reason:');
    for (const group of summary.skipped.byReason) {
      out.push(`    ${group.count} × ${group.reason}${linesText(group.lines, group.count)}`);
    }
  }
  if (Object.keys(summary.unknownEvents).length > 0) {
    out.push(`  unknown events: ${counted(summary.unknownEvents)}`);
  }
  if (summary.streaksSettledAtEnd > 0) {
    out.push(
      `  gift streaks with no end, committed by the quiet period at the end of the input: ${summary.streaksSettledAtEnd}`,
    );
  }
  return `${out.join('\n')}\n`;
}
