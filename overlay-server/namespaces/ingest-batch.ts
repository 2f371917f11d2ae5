/**
 * An `events` batch on `/ingest`: the batch is checked as a whole (an array, under the count and
 * size limits, within the token's rate budget), then each event on its own. The valid ones go to
 * the stream in one step — one pass through the ledger and engines, one journal write, in this
 * process or at the stream's writer in a cluster — and the ack answers every event in the batch's
 * order: accepted, duplicate, or refused with its code.
 */
import type { LiveEvent } from '../../shared/events/live-event';
import { type Ack, fail, ok } from '../../shared/protocol/ack';
import type { IngestBatchResult, IngestItemResult } from '../../shared/protocol/namespaces';
import { jsonSize, LIMITS } from '../pipeline/limits';
import { type TokenBucket, withinBudget } from '../pipeline/rate-limit';
import type { IngestOutcome } from '../pipeline/relay-contract';
import { validateEvent } from '../pipeline/validate-event';

/** What a batch needs from the rest of ingest. */
export interface BatchIngestDeps {
  bucket: TokenBucket;
  /**
   * Takes validated, admitted events in one step and answers one outcome per event, or refuses
   * them all (the journal write failed: nothing was taken). Answered at once here, or later by
   * the stream's writer in another process (streams/stream-port.ts `ingestMany`).
   */
  ingest(events: LiveEvent[], done: (answer: Ack<IngestOutcome[]>) => void): void;
  /** Cross-source dedupe: false answers the event as a duplicate (the stream port does it). */
  admit?(event: LiveEvent): boolean;
  /** The batch's JSON length, when the caller knows it without serializing (`payload-size.ts`). */
  sizeOf?(payloads: unknown): number;
  /** Sees every valid event of the batch, after the relay took them. */
  observe?(events: readonly LiveEvent[]): void;
}

const ACCEPTED: IngestItemResult = { status: 'accepted' };
const DUPLICATE: IngestItemResult = { status: 'duplicate' };
const RATE_LIMITED = fail('RATE_LIMITED', 'too many events from this token; slow down');

export function ingestBatch(
  payloads: unknown,
  deps: BatchIngestDeps,
  reply: (answer: Ack<IngestBatchResult>) => void,
) {
  if (!Array.isArray(payloads))
    return reply(fail('BAD_PAYLOAD', 'events takes an array of events'));
  if (payloads.length > LIMITS.maxBatchEvents) {
    return reply(
      fail('TOO_LARGE', `${payloads.length} events in one batch, limit ${LIMITS.maxBatchEvents}`),
    );
  }
  const size = deps.sizeOf ? deps.sizeOf(payloads) : jsonSize(payloads);
  if (size > LIMITS.maxBatchBytes) {
    return reply(fail('TOO_LARGE', `batch is ${size} bytes, limit ${LIMITS.maxBatchBytes}`));
  }
  const batch: unknown[] = payloads;
  withinBudget(deps.bucket, Math.max(1, batch.length), reply, RATE_LIMITED, () =>
    takeBatch(batch, size, deps, reply),
  );
}

/** The batch passed its checks and its budget: each event on its own, the valid ones in one step. */
function takeBatch(
  payloads: unknown[],
  size: number,
  deps: BatchIngestDeps,
  reply: (answer: Ack<IngestBatchResult>) => void,
): void {
  const results: IngestItemResult[] = new Array(payloads.length);
  const valid: LiveEvent[] = [];
  const seen: LiveEvent[] = [];
  const indexes: number[] = [];
  // A batch under the per-event limit cannot hold an event over it: skip measuring each.
  const measureEach = size > LIMITS.maxEventBytes;
  payloads.forEach((payload: unknown, index) => {
    const check = validateEvent(payload, measureEach ? undefined : 0);
    if (!check.ok) {
      results[index] = { status: 'refused', code: check.code, message: check.message };
      return;
    }
    seen.push(check.event);
    if (deps.admit && !deps.admit(check.event)) {
      results[index] = DUPLICATE;
      return;
    }
    valid.push(check.event);
    indexes.push(index);
  });
  const taken = (answer: Ack<IngestOutcome[]>) => {
    if (!answer.ok) return reply(answer);
    deps.observe?.(seen);
    answer.data.forEach((outcome, i) => {
      const index = indexes[i] ?? -1;
      results[index] =
        outcome === 'accepted'
          ? ACCEPTED
          : outcome === 'duplicate'
            ? DUPLICATE
            : {
                status: 'refused',
                code: 'INTERNAL',
                message: 'the live room failed on this event',
              };
    });
    reply(ok(summarize(results)));
  };
  try {
    deps.ingest(valid, taken);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    reply(fail('INTERNAL', `journal write failed: ${reason}`));
  }
}

/** The counts and the refused list beside the per-event results. */
function summarize(results: IngestItemResult[]): IngestBatchResult {
  const summary: IngestBatchResult = { accepted: 0, duplicates: 0, rejected: [], results };
  results.forEach((result, index) => {
    if (result.status === 'accepted') summary.accepted += 1;
    else if (result.status === 'duplicate') summary.duplicates += 1;
    else summary.rejected.push({ index, code: result.code, message: result.message });
  });
  return summary;
}
