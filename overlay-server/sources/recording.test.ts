import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dirs';
import { loadRecording, loadRecordingLines } from './recording';

const tempDir = useTempDirs();

const chatLine = (msgId: string, at: number) =>
  JSON.stringify({
    event: 'chat',
    data: {
      common: { msgId, createTime: String(at) },
      user: { idStr: '7000000000000000001', displayId: 'sam', nickname: 'Sam' },
      content: `message ${msgId}`,
    },
    at,
  });

const journalEvent = (seq: number, at: number) =>
  JSON.stringify({
    seq,
    at,
    type: 'event',
    event: { id: `e${seq}`, source: 'simulator', at, kind: 'viewers', count: 10 + seq },
  });

describe('raw recordings', () => {
  it('reports bad lines with their line number and keeps reading', async () => {
    const loaded = await loadRecordingLines([
      chatLine('1', 1000),
      '{"event": "chat", "data": {', // cut off mid-write
      JSON.stringify({ event: 'chat', data: {} }), // no `at`
      '',
      JSON.stringify({ event: 'hourlyRank', data: {}, at: 1500 }),
      JSON.stringify({ event: 'chat', data: { content: 'no user' }, at: 1600 }),
      '[1, 2]',
      chatLine('2', 2000),
    ]);
    expect(loaded.format).toBe('raw');
    expect(loaded.events.map((e) => e.id)).toEqual(['1', '2']);
    expect(loaded.skipped).toEqual({ 'unknown event hourlyRank': 1 });
    expect(loaded.problems).toEqual([
      { line: 2, message: 'not JSON' },
      { line: 3, message: 'at: expected epoch milliseconds' },
      { line: 6, message: 'chat: user: missing' },
      { line: 7, message: 'not a JSON object' },
    ]);
  });

  it('reads a file as a stream, and fails clearly when it is missing', async () => {
    const dir = tempDir('limelight-recording-');
    const file = join(dir, 'stream.jsonl');
    await writeFile(file, `${chatLine('1', 1000)}\r\nnot json\r\n${chatLine('2', 2000)}\r\n`);
    const loaded = await loadRecording(file);
    expect(loaded.events).toHaveLength(2);
    expect(loaded.problems).toEqual([{ line: 2, message: 'not JSON' }]);
    await expect(loadRecording(join(dir, 'missing.jsonl'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('journals', () => {
  it('are recognised by seq and type; only event lines carry events', async () => {
    const loaded = await loadRecordingLines([
      JSON.stringify({ seq: 0, at: 4900, type: 'streamStart', streamId: 's-1', startedAt: 4900 }),
      journalEvent(1, 5000),
      JSON.stringify({ seq: 2, at: 5100, type: 'command', command: { type: 'poll.start' } }),
      JSON.stringify({ seq: 3, at: 5200, type: 'tick' }),
      JSON.stringify({ seq: 4, at: 5300, type: 'event', event: { kind: 'viewers' } }),
      JSON.stringify({ seq: 5, at: 5400, type: 'mystery' }),
      journalEvent(6, 6000),
      JSON.stringify({ seq: 7, at: 6100, type: 'streamEnd', reason: 'operator' }),
    ]);
    expect(loaded.format).toBe('journal');
    // Journal events keep the source they were recorded with.
    expect(loaded.events).toMatchObject([
      { id: 'e1', source: 'simulator', count: 11 },
      { id: 'e6', count: 16 },
    ]);
    expect(loaded.skipped).toEqual({
      'journal streamStart': 1,
      'journal command': 1,
      'journal tick': 1,
      'journal streamEnd': 1,
    });
    expect(loaded.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(loaded.problems[0]?.message).toMatch(/^event: /);
  });
});
