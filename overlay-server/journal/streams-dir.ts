/** The streams folder: one journal per stream, named by stream id, and what each one holds. */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
} from 'node:fs';
import { join } from 'node:path';
import { isJournalEntry, type JournalEntry, STREAM_ID } from './entries';

export interface StreamSummary {
  streamId: string;
  startedAt: number;
  /** Null while the stream runs, or when it never ended (a crash not yet recovered). */
  endedAt: number | null;
  lastAt: number;
  bytes: number;
}

export function streamsDir(dataDir: string): string {
  const dir = join(dataDir, 'streams');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function journalPathFor(dataDir: string, streamId: string): string | null {
  if (!STREAM_ID.test(streamId)) return null;
  return join(streamsDir(dataDir), `${streamId}.jsonl`);
}

/** Every stream with a journal, oldest first (stream ids sort by start time). */
export function listStreams(dataDir: string): StreamSummary[] {
  const dir = streamsDir(dataDir);
  const summaries: StreamSummary[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.jsonl')) continue;
    const summary = summarize(join(dir, name));
    if (summary) summaries.push(summary);
  }
  return summaries;
}

/** Reads only the first and the last line: cheap even for an 8-hour journal. */
export function summarize(path: string): StreamSummary | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const bytes = fstatSync(fd).size;
    const head = readText(fd, 0, Math.min(bytes, 4096));
    const first = parseEntry(head.split('\n')[0] ?? '');
    if (first?.type !== 'streamStart') return null;
    const tailStart = Math.max(0, bytes - 64 * 1024);
    const tailLines = readText(fd, tailStart, bytes - tailStart)
      .split('\n')
      .filter(Boolean);
    let last: JournalEntry | null = null;
    for (let i = tailLines.length - 1; i >= 0 && !last; i -= 1)
      last = parseEntry(tailLines[i] ?? '');
    const lastEntry = last ?? first;
    return {
      streamId: first.streamId,
      startedAt: first.startedAt,
      endedAt: lastEntry.type === 'streamEnd' ? lastEntry.at : null,
      lastAt: lastEntry.at,
      bytes,
    };
  } finally {
    closeSync(fd);
  }
}

function readText(fd: number, start: number, length: number): string {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, start);
  return buffer.toString('utf8', 0, read);
}

function parseEntry(text: string): JournalEntry | null {
  try {
    const value: unknown = JSON.parse(text);
    return isJournalEntry(value) ? value : null;
  } catch {
    return null;
  }
}
