import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/events/live-event';
import { type Ack, ok } from '../../shared/protocol/ack';
import type { IngestBatchResult } from '../../shared/protocol/namespaces';
import { script, viewer } from '../../tests/support/engine-events';
import { createTokenBucket } from '../pipeline/rate-limit';
import type { IngestOutcome } from '../pipeline/relay-contract';
import { ingestBatch as answerBatch, type BatchIngestDeps } from './ingest-batch';

/** The batch's answer (given at once when the stream is in this process, as here). */
function ingestBatch(payloads: unknown, deps: BatchIngestDeps): Ack<IngestBatchResult> {
  let answer: Ack<IngestBatchResult> | undefined;
  answerBatch(payloads, deps, (ack) => {
    answer = ack;
  });
  if (!answer) throw new Error('the batch was not answered');
  return answer;
}

const roomy = () => createTokenBucket({ perSecond: 1_000, burst: 1_000 });

function deps(outcomes: (events: readonly LiveEvent[]) => IngestOutcome[]): BatchIngestDeps & {
  taken: LiveEvent[][];
  observed: LiveEvent[][];
} {
  const taken: LiveEvent[][] = [];
  const observed: LiveEvent[][] = [];
  return {
    taken,
    observed,
    bucket: roomy(),
    ingest: (events, done) => {
      taken.push([...events]);
      done(ok(outcomes(events)));
    },
    admit: (event) => !event.id.endsWith('-seen-elsewhere'),
    observe: (events) => observed.push([...events]),
  };
}

describe('ingestBatch', () => {
  it('answers an event the live room failed on as refused INTERNAL, at its own index', () => {
    const s = script();
    const events = [
      s.chat(viewer('a'), 'one'),
      s.chat(viewer('b'), 'two'),
      s.chat(viewer('c'), 'three'),
    ];
    const d = deps((taken) => taken.map((_, i) => (i === 1 ? 'failed' : 'accepted')));
    const ack = ingestBatch(['junk', ...events], d);
    expect(ack.ok && ack.data.results).toEqual([
      { status: 'refused', code: 'BAD_PAYLOAD', message: 'an event is a JSON object' },
      { status: 'accepted' },
      { status: 'refused', code: 'INTERNAL', message: 'the live room failed on this event' },
      { status: 'accepted' },
    ]);
    expect(d.taken).toEqual([events]);
  });

  it('answers an event another source reported as a duplicate without giving it to the relay', () => {
    const s = script();
    const elsewhere = { ...s.chat(viewer('a'), 'hi'), id: 'x-seen-elsewhere' };
    const fresh = s.chat(viewer('b'), 'hello');
    const d = deps((taken) => taken.map(() => 'accepted'));
    const ack = ingestBatch([elsewhere, fresh], d);
    expect(ack).toMatchObject({ ok: true, data: { accepted: 1, duplicates: 1, rejected: [] } });
    expect(d.taken).toEqual([[fresh]]);
    // Both were seen (source health counts traffic, duplicates too).
    expect(d.observed).toEqual([[elsewhere, fresh]]);
  });

  it('refuses the whole batch with INTERNAL when the journal write fails', () => {
    const d = deps(() => {
      throw new Error('disk full');
    });
    const ack = ingestBatch([script().chat(viewer('a'), 'hi')], d);
    expect(ack).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: 'journal write failed: disk full',
    });
  });

  it('refuses a batch over the rate budget whole, taking nothing', () => {
    const s = script();
    const d = deps((taken) => taken.map(() => 'accepted'));
    d.bucket = createTokenBucket({ perSecond: 1, burst: 2 }, () => 0);
    const batch = [1, 2, 3].map((n) => s.chat(viewer('a'), `m${n}`));
    expect(ingestBatch(batch, d)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(d.taken).toEqual([]);
    // What the budget holds still goes through.
    expect(ingestBatch(batch.slice(0, 2), d)).toMatchObject({ ok: true, data: { accepted: 2 } });
  });

  it('answers an empty batch with no results', () => {
    const d = deps(() => []);
    expect(ingestBatch([], d)).toEqual({
      ok: true,
      data: { accepted: 0, duplicates: 0, rejected: [], results: [] },
    });
  });
});
