/**
 * The server's log file, `<config folder>/logs/limelight.log`: every log line as JSON, kept across
 * starts; a file grown past `maxBytes` is moved to `limelight.log.1` at start (one generation).
 * Lines are written synchronously, so the last ones before a crash are on disk, and a failed
 * write (a full disk) is dropped rather than taking the server down. Mode 0600 in a 0700 folder:
 * logs name viewers and addresses, though never tokens.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { LogLevel, LogSink } from '../log';

export const LOG_FILE_NAME = 'limelight.log';
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface LogFile {
  path: string;
  /** A JSON sink into the file taking `level` and above. */
  sink(level: LogLevel): LogSink;
  close(): void;
}

export function logFilePath(home: string): string {
  return join(home, 'logs', LOG_FILE_NAME);
}

export function openLogFile(home: string, maxBytes = DEFAULT_MAX_BYTES): LogFile {
  const dir = join(home, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = logFilePath(home);
  if (existsSync(path) && statSync(path).size > maxBytes) renameSync(path, `${path}.1`);
  let fd: number | null = openSync(path, 'a', 0o600);
  const write = (line: string) => {
    if (fd === null) return;
    try {
      writeSync(fd, `${line}\n`);
    } catch {
      // Logging must never stop the relay; the console (if any) still shows the line.
    }
  };
  return {
    path,
    sink: (level) => ({ level, format: 'json', write }),
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
