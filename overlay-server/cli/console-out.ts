/**
 * The terminal, as something that may go away. When whatever started the server closes its end
 * of stdout or stderr (a closed terminal, a parent process that stopped reading), the next write
 * fails with EPIPE, emitted as an 'error' event that would otherwise end the process. Here a
 * failed stream is dropped once, the loss reported through `onLost`, and the server keeps serving;
 * the log file (log-file.ts) still gets every line.
 */
import type { Writable } from 'node:stream';

export interface ConsoleOut {
  /** Text for stdout: the banner, the ready line. Include the newline. */
  out(text: string): void;
  /** Text for stderr: log lines and warnings. Include the newline. */
  err(text: string): void;
}

export type ConsoleStream = 'stdout' | 'stderr';

export function createConsoleOut(
  streams: Record<ConsoleStream, Writable>,
  onLost: (stream: ConsoleStream, error: Error) => void,
): ConsoleOut {
  const writer = (name: ConsoleStream) => {
    const stream = streams[name];
    let alive = true;
    const lost = (error: Error) => {
      if (!alive) return;
      alive = false;
      onLost(name, error);
    };
    stream.on('error', lost);
    return (text: string) => {
      if (!alive) return;
      if (stream.destroyed || stream.writableEnded) return lost(new Error(`${name} is closed`));
      try {
        stream.write(text);
      } catch (error) {
        lost(error instanceof Error ? error : new Error(String(error)));
      }
    };
  };
  return { out: writer('stdout'), err: writer('stderr') };
}
