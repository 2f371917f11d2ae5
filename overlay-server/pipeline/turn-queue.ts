/**
 * Collects the items of one event-loop turn and processes them together at its end (or sooner,
 * when `drain` is called), then answers each with its own result. The relay's group commit:
 * sources sending one event per message get one journal write per turn, not one per event.
 */
export type TurnAnswer<R> = (result: R | undefined, error?: Error) => void;

export interface TurnQueue<T, R> {
  add(item: T, answer: TurnAnswer<R>): void;
  /** Processes what is queued now (a no-op when empty), so later work keeps arrival order. */
  drain(): void;
}

/**
 * `process` returns one result per item; when it throws, every item is answered with the error.
 * An answer that throws is reported to `onAnswerError` and the others are still answered.
 */
export function createTurnQueue<T, R>(
  process: (items: T[]) => R[],
  onAnswerError: (error: unknown) => void,
): TurnQueue<T, R> {
  let items: T[] = [];
  let answers: Array<TurnAnswer<R>> = [];
  let soon: NodeJS.Immediate | null = null;

  const drain = () => {
    if (soon) clearImmediate(soon);
    soon = null;
    if (items.length === 0) return;
    const batch = items;
    const waiting = answers;
    items = [];
    answers = [];
    let results: R[] = [];
    let failure: Error | undefined;
    try {
      results = process(batch);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    waiting.forEach((answer, i) => {
      try {
        answer(failure ? undefined : results[i], failure);
      } catch (error) {
        onAnswerError(error);
      }
    });
  };

  return {
    add(item, answer) {
      items.push(item);
      answers.push(answer);
      soon ??= setImmediate(drain);
    },
    drain,
  };
}
