/**
 * `--record FILE`: the raw connector events, one `{"event", "data", "at"}` JSON line each
 * (the raw recording format of the README's Reports section), so `npm run report` and `--replay` read them back through
 * the same payload mapping. Lines are appended as they arrive; a crash loses at most the line
 * being written.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes raw connector events. */
export interface RawRecorder {
  write(event: string, data: unknown, at: number): void;
  close(): void;
}

// Decoded protobuf can carry bytes and (in older payloads) bigints; JSON has neither.
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return undefined;
  return value;
}

/** One recording line, exactly as `createRawRecorder` writes it. */
export function formatRecordingLine(event: string, data: unknown, at: number): string {
  return `${JSON.stringify({ event, data, at }, jsonSafe)}\n`;
}

/** Opens `path` for appending (creating its folder), or fails at once with the reason. */
export function createRawRecorder(path: string): RawRecorder {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a', 0o600);
  let open = true;
  return {
    write(event, data, at) {
      if (!open) return;
      writeSync(fd, formatRecordingLine(event, data, at));
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
