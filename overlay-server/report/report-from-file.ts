/**
 * A stream report from a file: a journal is rebuilt exactly (events, commands, ticks, from its
 * snapshot when there is one); a raw tiktok-live-connector recording is mapped to events and
 * replayed through a fresh live room, duplicates dropped as the relay would.
 */
import { basename } from 'node:path';
import type { LiveRoom, StreamReport } from '../../shared/engines/live-room-contract';
import { createMessageDeduper } from '../../shared/ledger/message-dedupe';
import { readLines } from '../journal/line-reader';
import { looksLikeJournal } from '../journal/reader';
import { type RoomFactory, recoverStream } from '../journal/recovery';
import { loadRecording } from '../sources/recording';

export interface FileReport {
  report: StreamReport;
  format: 'journal' | 'raw';
  /** Lines that could not be read, with why. */
  problems: Array<{ line?: number; message: string }>;
}

export async function reportFromFile(path: string, createRoom: RoomFactory): Promise<FileReport> {
  // A journal is rebuilt from its snapshot and tail, never read whole: decide by the first line.
  if (looksLikeJournal(firstLine(path))) {
    const recovered = recoverStream(path, createRoom);
    if (!recovered) throw new Error(`${path}: a journal without its streamStart line`);
    return {
      report: recovered.room.report(),
      format: 'journal',
      problems:
        recovered.problems > 0
          ? [{ message: `${recovered.problems} unreadable lines skipped` }]
          : [],
    };
  }
  const loaded = await loadRecording(path);
  const first = loaded.events[0];
  if (!first) throw new Error(`${path}: no events in this file`);
  const room: LiveRoom = createRoom({
    streamId: basename(path).replace(/\.[^.]+$/, ''),
    startedAt: first.at,
  });
  const deduper = createMessageDeduper();
  let lastAt = first.at;
  for (const event of loaded.events) {
    if (deduper.seen(event.id)) continue;
    room.applyEvent(event);
    lastAt = Math.max(lastAt, event.at);
  }
  room.advance(lastAt);
  return { report: room.report(), format: 'raw', problems: loaded.problems };
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
