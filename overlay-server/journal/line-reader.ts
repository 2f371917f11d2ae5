/**
 * Reads a JSON Lines file synchronously in chunks, so an 8-hour journal never has to fit in one
 * string. A last line without its newline (torn by a crash mid-write) is reported as torn.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface Line {
  text: string;
  /** Byte offset just after this line's newline. */
  end: number;
}

const CHUNK = 1 << 20;

export function* readLines(path: string, fromByte = 0): Generator<Line, { tornBytes: number }> {
  const fd = openSync(path, 'r');
  try {
    let position = fromByte;
    let carry = Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK, position);
      if (read === 0) break;
      const data = carry.length
        ? Buffer.concat([carry, chunk.subarray(0, read)])
        : chunk.subarray(0, read);
      const dataStart = position - carry.length;
      position += read;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const text = data.toString('utf8', start, nl);
        start = nl + 1;
        if (text.trim()) yield { text, end: dataStart + start };
      }
      carry = Buffer.from(data.subarray(start));
    }
    return { tornBytes: carry.length };
  } finally {
    closeSync(fd);
  }
}
