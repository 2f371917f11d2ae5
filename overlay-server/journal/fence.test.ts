import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveRoom } from '../../shared/engines';
import { instantGift, script } from '../../tests/integration/support/events';
import { silentLogger } from '../log';
import { Relay } from '../pipeline/relay';
import { claimFence, FencedOut, type JournalFence } from './fence';
import { recoverStream } from './recovery';
import { journalPathFor, listStreams } from './streams-dir';
import { openJournalWriter } from './writer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'limelight-fence-'));
  dirs.push(dir);
  return dir;
};

const relayWith = (dataDir: string, journalFence: JournalFence) =>
  new Relay({ dataDir, createRoom: createLiveRoom, log: silentLogger, journalFence });

describe('journal fencing between server processes', () => {
  it('refuses every write of a writer once a newer one claimed the stream', () => {
    const dir = tempDir();
    const old = claimFence(dir, 3, 'old');
    const journal = openJournalWriter(join(dir, 'j.jsonl'), old);
    journal.append([{ seq: 0, at: 1, type: 'tick' }]);
    claimFence(dir, 4, 'new');
    expect(() => journal.append([{ seq: 1, at: 2, type: 'tick' }])).toThrow(FencedOut);
    expect(readFileSync(join(dir, 'j.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    // An old lease cannot claim below a newer fence either.
    expect(() => claimFence(dir, 2, 'older')).toThrow(FencedOut);
  });

  it('does not let a write found fenced out after it was made be acknowledged', () => {
    const dir = tempDir();
    let checks = 0;
    // The newer writer claims between the check before and the check after the write.
    const racing: JournalFence = {
      fence: 3,
      holder: 'old',
      check() {
        checks += 1;
        if (checks === 2) throw new FencedOut(3);
      },
    };
    const journal = openJournalWriter(join(dir, 'j.jsonl'), racing);
    expect(() => journal.append([{ seq: 0, at: 1, type: 'tick' }])).toThrow(FencedOut);
  });

  it('a new writer marks the journal, reads what came before, and every reader ignores a stale writer after the mark', () => {
    const dir = tempDir();
    const s = script(1_000_000);
    const first = relayWith(dir, claimFence(dir, 1, 'A'));
    expect(first.ingest([instantGift(s, 'ana', 10), instantGift(s, 'bo', 20)])).toEqual([
      'accepted',
      'accepted',
    ]);

    const second = relayWith(dir, claimFence(dir, 2, 'B'));
    expect(second.resume()).toMatchObject({ replayed: 3 });
    expect(second.report()?.coins).toBe(30);

    // A, paused past its lease, wrote one more line after B's mark (a race it cannot win twice).
    const streamId = listStreams(dir)[0]?.streamId ?? '';
    const path = journalPathFor(dir, streamId) ?? '';
    const stale = { seq: 3, at: s.now, type: 'event', event: instantGift(s, 'cy', 500), fence: 1 };
    appendFileSync(path, `${JSON.stringify(stale)}\n`);
    expect(() => first.ingest([instantGift(s, 'dee', 1)])).toThrow(FencedOut);
    expect(second.ingest([instantGift(s, 'eve', 5)])).toEqual(['accepted']);
    second.close();

    const rebuilt = recoverStream(path, createLiveRoom);
    expect(rebuilt?.room.report().coins).toBe(35);
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'writer')).toEqual([
      expect.objectContaining({ fence: 2, holder: 'B' }),
    ]);
  });
});
