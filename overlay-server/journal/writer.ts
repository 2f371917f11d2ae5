/**
 * Appends journal lines with a synchronous write to the file descriptor before the caller acks:
 * once `append` returns, the lines are in the kernel, so a SIGKILL of the server loses nothing
 * acknowledged. A batch is one write. (A power cut can still lose the page cache; an fsync per
 * event would cost the relay targets, so `flush` fsyncs on snapshots and shutdown only.)
 *
 * `appendLater` is the group commit for sources sending one event per message: the lines of one
 * event-loop turn are written together on the next `setImmediate` (one write instead of one per
 * event, which was the relay's largest per-event cost), and `afterWrite` callbacks — the acks —
 * run only once that write returned. Any synchronous `append` writes what is pending first, so
 * the journal's order is the order of the calls.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import type { JournalEntry } from './entries';

export interface JournalWriter {
  readonly path: string;
  /** Bytes in the file after the last append. */
  readonly bytes: number;
  append(entries: readonly JournalEntry[]): void;
  /** Queues entries for the write at the end of this event-loop turn. */
  appendLater(entries: readonly JournalEntry[]): void;
  /**
   * Runs `done` once everything appended so far is written (at once when nothing is pending);
   * with the write's error when it failed.
   */
  afterWrite(done: (error?: Error) => void): void;
  flush(): void;
  /**
   * Writes what is pending and fsyncs on the thread pool: the periodic snapshot's sync must not
   * stall the event loop (on a busy disk an fsync took hundreds of ms, every event waiting).
   */
  syncInBackground(): void;
  close(): void;
}

/** Opens (or creates) a journal for appending, cutting off a line torn by an earlier crash. */
export function openJournalWriter(path: string): JournalWriter {
  if (existsSync(path)) dropTornTail(path);
  const fd = openSync(path, 'a', 0o600);
  let bytes = fstatSync(fd).size;
  let open = true;
  let pending = '';
  let waiting: Array<(error?: Error) => void> = [];
  let scheduled: NodeJS.Immediate | null = null;
  let syncing = false;

  const writeText = (text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < buffer.length) {
      written += writeSync(fd, buffer, written, buffer.length - written);
    }
    bytes += buffer.length;
  };
  /** Writes the pending lines (plus `more`) in one write, then answers the waiting callbacks. */
  const writePending = (more = '') => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    const text = pending + more;
    pending = '';
    const done = waiting;
    waiting = [];
    let failure: Error | undefined;
    try {
      if (text.length > 0) writeText(text);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    for (const callback of done) callback(failure);
    if (failure && more.length > 0) throw failure;
  };
  const linesOf = (entries: readonly JournalEntry[]) => {
    let text = '';
    for (const entry of entries) text += `${JSON.stringify(entry)}\n`;
    return text;
  };

  return {
    path,
    get bytes() {
      // Pending lines are written before anyone reads the offset (a snapshot records it).
      if (pending.length > 0) writePending();
      return bytes;
    },
    append(entries) {
      if (!open) throw new Error(`journal ${path} is closed`);
      if (entries.length === 0 && pending.length === 0) return;
      writePending(linesOf(entries));
    },
    appendLater(entries) {
      if (!open) throw new Error(`journal ${path} is closed`);
      if (entries.length === 0) return;
      pending += linesOf(entries);
      scheduled ??= setImmediate(() => writePending());
    },
    afterWrite(done) {
      if (pending.length === 0 && waiting.length === 0) done();
      else waiting.push(done);
    },
    flush() {
      if (!open) return;
      writePending();
      fsyncSync(fd);
    },
    syncInBackground() {
      if (!open) return;
      writePending();
      if (syncing) return;
      syncing = true;
      // An error (the journal closed meanwhile, which fsyncs itself) leaves nothing to do.
      fsync(fd, () => {
        syncing = false;
      });
    },
    close() {
      if (!open) return;
      writePending();
      fsyncSync(fd);
      closeSync(fd);
      open = false;
    },
  };
}

/** Cuts a last line that lacks its newline (a write torn by a crash), reading only the tail. */
function dropTornTail(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const window = Buffer.allocUnsafe(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - window.length);
      const read = readSync(fd, window, 0, end - start, start);
      const nl = window.subarray(0, read).lastIndexOf(10);
      if (nl !== -1) {
        const keep = start + nl + 1;
        if (keep < size) ftruncateSync(fd, keep);
        return;
      }
      end = start;
    }
    if (size > 0) ftruncateSync(fd, 0);
  } finally {
    closeSync(fd);
  }
}
