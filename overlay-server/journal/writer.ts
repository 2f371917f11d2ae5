/**
 * Appends journal lines with a synchronous write to the file descriptor before the caller acks:
 * once `append` returns, the lines are in the kernel, so a SIGKILL of the server loses nothing
 * acknowledged. A batch is one write. (A power cut can still lose the page cache; an fsync per
 * event would cost the relay targets, so `flush` fsyncs on snapshots and shutdown only.)
 * Sources that send one event per message are group-committed a level up: the relay ingests
 * the events of one event-loop turn together (`Relay.enqueue`), so they are one append here.
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
import type { JournalFence } from './fence';

export interface JournalWriter {
  readonly path: string;
  /** Bytes in the file after the last append. */
  readonly bytes: number;
  /** The writer's fence when processes share the journal, else null. */
  readonly fence: JournalFence | null;
  /** Writes the entries' lines in one write; throws when the write fails. */
  append(entries: readonly JournalEntry[]): void;
  flush(): void;
  /**
   * Fsyncs on the thread pool: the periodic snapshot's sync must not stall the event loop (on a
   * busy disk an fsync took hundreds of ms, every event waiting).
   */
  syncInBackground(): void;
  close(): void;
}

/**
 * Opens (or creates) a journal for appending, cutting off a line torn by an earlier crash. With
 * a `fence` (a cluster), every line carries it and each append checks it before writing and
 * again before returning: a writer fenced out throws `FencedOut` and acknowledges nothing.
 */
export function openJournalWriter(path: string, fence: JournalFence | null = null): JournalWriter {
  if (existsSync(path)) dropTornTail(path);
  const fd = openSync(path, 'a', 0o600);
  let bytes = fstatSync(fd).size;
  let open = true;
  let syncing = false;

  // The text goes to the kernel as it is (no Buffer on the JavaScript heap per write); a short
  // write, which a regular file only gives when the disk is full, finishes from its byte offset.
  const writeText = (text: string) => {
    const length = Buffer.byteLength(text, 'utf8');
    let written = writeSync(fd, text, null, 'utf8');
    if (written < length) {
      const buffer = Buffer.from(text, 'utf8');
      while (written < buffer.length) {
        written += writeSync(fd, buffer, written, buffer.length - written);
      }
    }
    bytes += length;
  };

  return {
    path,
    get bytes() {
      // Another process may have appended too (a stale writer's lines): ask the file.
      return fence && open ? fstatSync(fd).size : bytes;
    },
    fence,
    append(entries) {
      if (!open) throw new Error(`journal ${path} is closed`);
      if (entries.length === 0) return;
      let text = '';
      if (fence) {
        fence.check();
        for (const entry of entries)
          text += `${JSON.stringify({ ...entry, fence: fence.fence })}\n`;
        writeText(text);
        fence.check();
        return;
      }
      for (const entry of entries) text += `${JSON.stringify(entry)}\n`;
      writeText(text);
    },
    flush() {
      if (!open) return;
      fsyncSync(fd);
    },
    syncInBackground() {
      if (!open || syncing) return;
      syncing = true;
      // An error (the journal closed meanwhile, which fsyncs itself) leaves nothing to do.
      fsync(fd, () => {
        syncing = false;
      });
    },
    close() {
      if (!open) return;
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
