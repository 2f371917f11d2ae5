import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './entries';
import { openJournalWriter } from './writer';

const tick = (seq: number): JournalEntry => ({ seq, at: 1_000 + seq, type: 'tick' });
const seqsIn = (path: string): number[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { seq: number }).seq);

describe('journal writer group commit', () => {
  it('writes the lines of one turn together and acks only after the write', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-writer-')), 'j.jsonl');
    const journal = openJournalWriter(path);
    journal.appendLater([tick(1)]);
    journal.appendLater([tick(2)]);
    const acked: number[][] = [];
    journal.afterWrite(() => acked.push(seqsIn(path)));
    expect(acked).toEqual([]);
    expect(seqsIn(path)).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(acked).toEqual([[1, 2]]);
    // Nothing pending: answered at once.
    journal.afterWrite(() => acked.push(seqsIn(path)));
    expect(acked).toHaveLength(2);
    journal.close();
  });

  it('keeps call order when a synchronous append follows pending lines', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-writer-')), 'j.jsonl');
    const journal = openJournalWriter(path);
    let answered = false;
    journal.appendLater([tick(1)]);
    journal.afterWrite(() => {
      answered = true;
    });
    journal.append([tick(2)]);
    expect(answered).toBe(true);
    expect(seqsIn(path)).toEqual([1, 2]);
    journal.appendLater([tick(3)]);
    expect(journal.bytes).toBeGreaterThan(0);
    expect(seqsIn(path)).toEqual([1, 2, 3]);
    journal.close();
  });
});
