/** Reads journal entries back, skipping (and reporting) lines that are not journal entries. */
import { isJournalEntry, type JournalEntry } from './entries';
import { readLines } from './line-reader';

export interface ReadEntry {
  entry: JournalEntry;
  /** Byte offset just after this entry's line. */
  end: number;
}

export interface JournalReadProblem {
  /** Byte offset of the end of the bad line. */
  end: number;
  message: string;
}

export function* readJournal(
  path: string,
  fromByte = 0,
  onProblem: (problem: JournalReadProblem) => void = () => {},
): Generator<ReadEntry> {
  for (const line of readLines(path, fromByte)) {
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      onProblem({ end: line.end, message: 'line is not JSON' });
      continue;
    }
    if (isJournalEntry(value)) yield { entry: value, end: line.end };
    else onProblem({ end: line.end, message: 'line is not a journal entry' });
  }
}

/** True when the first line of a JSON Lines file looks like a journal (not a raw recording). */
export function looksLikeJournal(firstLine: string): boolean {
  try {
    return isJournalEntry(JSON.parse(firstLine));
  } catch {
    return false;
  }
}
