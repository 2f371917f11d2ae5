import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dirs';
import type { JournalEntry } from './entries';
import { openJournalWriter } from './writer';

const tempDir = useTempDirs();

const tick = (seq: number): JournalEntry => ({ seq, at: 1_000 + seq, type: 'tick' });
const seqsIn = (path: string): number[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { seq: number }).seq);

describe('journal writer', () => {
  it('has the lines in the file when append returns, and counts their bytes', () => {
    const path = join(tempDir('journal-writer-'), 'j.jsonl');
    const journal = openJournalWriter(path);
    journal.append([tick(1), tick(2)]);
    expect(seqsIn(path)).toEqual([1, 2]);
    expect(journal.bytes).toBe(readFileSync(path).length);
    journal.close();
    expect(() => journal.append([tick(3)])).toThrow(/closed/);
  });

  it('counts bytes, not characters, for text outside ASCII (snapshots resume at that offset)', () => {
    const path = join(tempDir('journal-writer-'), 'j.jsonl');
    const journal = openJournalWriter(path);
    journal.append([{ seq: 1, at: 1, type: 'streamEnd', reason: 'é☃ 🎁 done' }, tick(2)]);
    journal.append([tick(3)]);
    expect(journal.bytes).toBe(readFileSync(path).length);
    expect(seqsIn(path)).toEqual([1, 2, 3]);
    journal.close();
  });

  it('cuts a line torn by a crash before appending after it', () => {
    const path = join(tempDir('journal-writer-'), 'j.jsonl');
    const first = openJournalWriter(path);
    first.append([tick(1)]);
    appendFileSync(path, '{"seq":2,"at":10');
    const second = openJournalWriter(path);
    second.append([tick(2)]);
    expect(seqsIn(path)).toEqual([1, 2]);
    second.close();
  });
});
