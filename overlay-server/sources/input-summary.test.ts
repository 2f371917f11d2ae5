import { describe, expect, it } from 'vitest';
import { script, viewer } from '../../tests/support/engine-events';
import { createInputTally, formatInputSummary } from './input-summary';

const s = script();
const chat = () => s.chat(viewer('ana'), 'hi');

describe('input tally', () => {
  it('counts events by kind, duplicates and skipped lines with their first three lines', () => {
    const tally = createInputTally();
    tally.add({ kind: 'event', line: 1, event: chat(), shape: 'nested-2.3' });
    tally.add({ kind: 'event', line: 2, event: s.viewers(5), shape: 'flat' });
    tally.add({ kind: 'duplicate', line: 3, id: 'm1', shape: 'nested-2.3' });
    for (const line of [4, 6, 7, 9, 12]) {
      tally.add({ kind: 'skipped', line, reason: 'chat: user: missing', shape: 'nested-2.0' });
    }
    tally.add({ kind: 'skipped', line: 5, reason: 'not JSON' });
    tally.add({ kind: 'record', line: 8, type: 'command' });
    tally.settled(2);
    const summary = tally.summary();
    expect(summary).toEqual({
      read: 10,
      events: 2,
      eventsByKind: { chat: 1, viewers: 1 },
      duplicates: { count: 1, lines: [3] },
      skipped: {
        count: 6,
        byReason: [
          { reason: 'chat: user: missing', count: 5, lines: [4, 6, 7] },
          { reason: 'not JSON', count: 1, lines: [5] },
        ],
      },
      unknownEvents: {},
      shapes: { 'nested 2.3+': 2, 'flattened (1.x / legacy)': 1, 'nested 2.0–2.2': 5 },
      journalRecords: 1,
      streaksSettledAtEnd: 2,
    });
    expect(formatInputSummary(summary, 'x.jsonl')).toBe(
      [
        'x.jsonl: 10 lines read: 2 events, 1 duplicate, 6 skipped, 1 journal records',
        '  payload shapes: nested 2.0–2.2 5, nested 2.3+ 2, flattened (1.x / legacy) 1',
        '  events by kind: chat 1, viewers 1',
        '  duplicates (a message id seen before, counted once): 1 (line 3)',
        '  skipped lines by reason:',
        '    5 × chat: user: missing (lines 4, 6, 7 and 2 more)',
        '    1 × not JSON (line 5)',
        '  gift streaks with no end, committed by the quiet period at the end of the input: 2',
        '',
      ].join('\n'),
    );
  });

  it('groups unknown events as one reason and names them with their counts', () => {
    const tally = createInputTally();
    const names = ['hourlyRank', 'rankUpdate', 'hourlyRank', '__proto__', 'constructor'];
    names.forEach((name, i) => {
      tally.add({ kind: 'skipped', line: i + 1, reason: `unknown event ${name}` });
    });
    const summary = tally.summary();
    expect(summary.skipped.byReason).toEqual([
      { reason: 'unknown event', count: 5, lines: [1, 2, 3] },
    ]);
    expect(Object.entries(summary.unknownEvents)).toEqual([
      ['hourlyRank', 2],
      ['rankUpdate', 1],
      ['__proto__', 1],
      ['constructor', 1],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(formatInputSummary(summary, 'u.jsonl')).toContain(
      '  unknown events: hourlyRank 2, __proto__ 1, constructor 1, rankUpdate 1\n',
    );
  });

  it('stays bounded: past 50 reasons and 100 unknown names the rest are lumped together', () => {
    const tally = createInputTally();
    for (let i = 0; i < 80; i++) tally.add({ kind: 'skipped', reason: `gift: problem ${i}` });
    for (let i = 0; i < 150; i++) tally.add({ kind: 'skipped', reason: `unknown event e${i}` });
    const summary = tally.summary();
    expect(summary.skipped.byReason).toHaveLength(52);
    expect(summary.skipped.byReason[0]).toEqual({
      reason: 'unknown event',
      count: 150,
      lines: [],
    });
    expect(summary.skipped.byReason.find((r) => r.reason.startsWith('other reasons'))?.count).toBe(
      30,
    );
    expect(Object.keys(summary.unknownEvents)).toHaveLength(101);
    expect(summary.unknownEvents['(other names)']).toBe(50);
  });
});
