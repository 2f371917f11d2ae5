/**
 * What became of a source's input: every line of a file (or payload of the live connector)
 * mapped to an event, a duplicate, or skipped with a reason. Built by the server
 * (overlay-server/sources/input-summary.ts); panels show it on the Sources list.
 */

/** Skipped lines of one reason: how many, and the first three line numbers (files only). */
export interface SkipReason {
  reason: string;
  count: number;
  lines: number[];
}

export interface InputSummary {
  /** Lines (or payloads) read, empty lines aside. */
  read: number;
  events: number;
  eventsByKind: Record<string, number>;
  /** A message id seen before: counted once. `lines`: the first three. */
  duplicates: { count: number; lines: number[] };
  /** Skipped lines, grouped by reason, most frequent first. */
  skipped: { count: number; byReason: SkipReason[] };
  /** Connector events no mapping knows, by name (their lines are skipped as `unknown event`). */
  unknownEvents: Record<string, number>;
  /** Payload shapes seen, by label (nested 2.0–2.2, nested 2.3+, flattened 1.x / legacy). */
  shapes: Record<string, number>;
  /** Journal bookkeeping lines (stream start and end, commands, ticks): read, not input events. */
  journalRecords: number;
  /** Gift streaks whose end never came, committed by the quiet period at the end of the input. */
  streaksSettledAtEnd: number;
}
