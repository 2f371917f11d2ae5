import { describe, expect, it } from 'vitest';
import { createTurnQueue } from './turn-queue';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('turn queue', () => {
  it('processes one turn’s items together at its end and answers each with its result', async () => {
    const batches: number[][] = [];
    const queue = createTurnQueue(
      (items: number[]) => {
        batches.push(items);
        return items.map((n) => n * 10);
      },
      () => {},
    );
    const answers: Array<number | undefined> = [];
    for (const n of [1, 2, 3]) queue.add(n, (result) => answers.push(result));
    expect(batches).toEqual([]);
    await nextTurn();
    expect(batches).toEqual([[1, 2, 3]]);
    expect(answers).toEqual([10, 20, 30]);
    // drain() processes at once, and the scheduled end-of-turn run finds nothing left.
    queue.add(4, (result) => answers.push(result));
    queue.drain();
    await nextTurn();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('answers every item with the error when processing throws, even past a throwing answer', async () => {
    const answerErrors: unknown[] = [];
    const queue = createTurnQueue<string, string>(
      () => {
        throw new Error('disk full');
      },
      (error) => answerErrors.push(error),
    );
    const errors: string[] = [];
    queue.add('a', () => {
      throw new Error('socket gone');
    });
    queue.add('b', (result, error) => errors.push(`${result}:${error?.message}`));
    await nextTurn();
    expect(errors).toEqual(['undefined:disk full']);
    expect(answerErrors).toHaveLength(1);
  });
});
