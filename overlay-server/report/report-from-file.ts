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
import { readLines } from '../journal/line-reader';
import { looksLikeJournal } from '../journal/reader';
import { type RoomFactory, recoverStream } from '../journal/recovery';
import { createInputTally, type InputSummary, type InputTally } from '../sources/input-summary';
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
  if (room) settleAtEnd(room, lastAt, tally);
  return { report: room?.report() ?? null, format: 'raw', problems, summary: tally.summary() };
}

async function journalReport(path: string, createRoom: RoomFactory): Promise<FileReport> {
  const recovered = recoverStream(path, createRoom);
  if (!recovered) throw new Error(`${path}: a journal without its streamStart line`);
  // The summary reads every line (the room was rebuilt from the snapshot and tail only).
  const tally = createInputTally();
  for await (const item of readRecordingFile(path)) tally.add(outcomeOf(item));
  if (!recovered.ended) settleAtEnd(recovered.room, recovered.lastAt, tally);
  return {
    report: recovered.room.report(),
    format: 'journal',
    problems:
      recovered.problems > 0 ? [{ message: `${recovered.problems} unreadable lines skipped` }] : [],
    summary: tally.summary(),
  };
}

/** Stream time reaches the last line; open streaks then commit by the quiet period. */
function settleAtEnd(room: LiveRoom, lastAt: number, tally: InputTally): void {
  room.advance(lastAt);
  tally.settled(room.settleOpenStreaks().committed);
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
