/**
 * A stream report from a file: a journal is rebuilt exactly (events, commands, ticks, from its
 * snapshot when there is one); a raw tiktok-live-connector recording is mapped to events and
 * played through a fresh live room, duplicates dropped as the relay drops them. Either way the
 * end of the file is the end of the input: streaks whose end never came commit by the quiet
 * period, as `--replay` of the same file commits them. The input summary (every line: event,
 * duplicate or skipped with its reason) comes with it.
 */
import { basename } from 'node:path';
import type { LiveRoom, StreamReport } from '../../shared/engines/live-room-contract';
import type { LiveEvent } from '../../shared/events/live-event';
import { createGiftLedger } from '../../shared/ledger/gift-ledger';
import { readLines } from '../journal/line-reader';
import { looksLikeJournal } from '../journal/reader';
import { type RoomFactory, recoverStream } from '../journal/recovery';
import { createInputTally, type InputSummary } from '../sources/input-summary';
import { outcomeOf, readRecordingFile } from '../sources/recording';

export interface FileReport {
  /** Null when no line of the file is an event: the summary says why. */
  report: StreamReport | null;
  format: 'journal' | 'raw';
  /** Lines that could not be read, with why. */
  problems: Array<{ line?: number; message: string }>;
  summary: InputSummary;
}

export async function reportFromFile(path: string, createRoom: RoomFactory): Promise<FileReport> {
  // A journal is rebuilt from its snapshot and tail, never read whole: decide by the first line.
  if (looksLikeJournal(firstLine(path))) return journalReport(path, createRoom);
  const tally = createInputTally();
  const problems: FileReport['problems'] = [];
  let room: LiveRoom | null = null;
  let lastAt = 0;
  for await (const item of readRecordingFile(path)) {
    tally.add(outcomeOf(item));
    if (item.kind === 'problem') problems.push({ line: item.line, message: item.message });
    if (item.kind !== 'event') continue;
    room ??= createRoom({
      streamId: basename(path).replace(/\.[^.]+$/, ''),
      startedAt: item.event.at,
    });
    room.applyEvent(item.event);
    lastAt = Math.max(lastAt, item.event.at);
  }
  if (room) tally.settled(settleAtEnd(room, lastAt));
  return { report: room?.report() ?? null, format: 'raw', problems, summary: tally.summary() };
}

async function journalReport(path: string, createRoom: RoomFactory): Promise<FileReport> {
  const recovered = recoverStream(path, createRoom);
  if (!recovered) throw new Error(`${path}: a journal without its streamStart line`);
  // The summary reads every line (the room was rebuilt from the snapshot and tail only).
  const tally = createInputTally();
  const unended = createUnendedStreakCount();
  for await (const item of readRecordingFile(path)) {
    tally.add(outcomeOf(item));
    if (item.kind === 'event') unended.add(item.event);
  }
  if (!recovered.ended) settleAtEnd(recovered.room, recovered.lastAt);
  // The journal's own ticks and end committed these streaks when it was written; a replay of
  // its events commits them at the end of the file: the summary counts them as the replay does.
  tally.settled(unended.count());
  return {
    report: recovered.room.report(),
    format: 'journal',
    problems:
      recovered.problems > 0 ? [{ message: `${recovered.problems} unreadable lines skipped` }] : [],
    summary: tally.summary(),
  };
}

/** Stream time reaches the last line; open streaks then commit by the quiet period. */
function settleAtEnd(room: LiveRoom, lastAt: number): number {
  room.advance(lastAt);
  return room.settleOpenStreaks().committed;
}

/**
 * Streaks whose end never came in a list of events, by the live room's own ledger rule: a streak
 * commits before the first event past its quiet period, or at a stream end; those still open
 * after the last event are the ones the end of the input commits.
 */
function createUnendedStreakCount() {
  const ledger = createGiftLedger();
  let now = 0;
  return {
    add(event: LiveEvent) {
      now = Math.max(now, event.at);
      ledger.commitQuiet(now);
      if (event.kind === 'gift') ledger.apply(event);
      else if (event.kind === 'streamEnd') ledger.closeAll(now);
    },
    count: () => ledger.openStreaks().length,
  };
}

function firstLine(path: string): string {
  const lines = readLines(path);
  try {
    const next = lines.next();
    return next.done ? '' : next.value.text;
  } finally {
    lines.return({ tornBytes: 0 });
  }
}
