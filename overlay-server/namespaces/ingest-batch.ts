/**
 * An `events` batch on `/ingest`: the batch is checked as a whole (an array, under the count and
 * size limits, within the socket's rate budget), then each event on its own. The valid ones go to
 * the relay in one step — one pass through the ledger and engines, one journal write — and the
 * ack answers every event in the batch's order: accepted, duplicate, or refused with its code.
 */
import type { LiveEvent } from '../../shared/events/live-event';
import { type Ack, fail, ok } from '../../shared/protocol/ack';
import type { IngestBatchResult, IngestItemResult } from '../../shared/protocol/namespaces';
import { jsonSize, LIMITS } from '../pipeline/limits';
import type { TokenBucket } from '../pipeline/rate-limit';
import type { IngestOutcome } from '../pipeline/relay';
import { validateEvent } from '../pipeline/validate-event';

/** What a batch needs from the rest of ingest. */
export interface BatchIngestDeps {
  bucket: TokenBucket;
  /** Takes validated, admitted events in one step; one outcome per event (relay.ingest). */
  ingest(events: readonly LiveEvent[]): IngestOutcome[];
  /** Cross-source dedupe: false answers the event as a duplicate. */
  admit(event: LiveEvent): boolean;
  /** Sees every valid event of the batch, after the relay took them. */
  observe?(events: readonly LiveEvent[]): void;
}

const ACCEPTED: IngestItemResult = { status: 'accepted' };
const DUPLICATE: IngestItemResult = { status: 'duplicate' };

export function ingestBatch(payloads: unknown, deps: BatchIngestDeps): Ack<IngestBatchResult> {
  if (!Array.isArray(payloads)) return fail('BAD_PAYLOAD', 'events takes an array of events');
  if (payloads.length > LIMITS.maxBatchEvents) {
    return fail(
      'TOO_LARGE',
      `${payloads.length} events in one batch, limit ${LIMITS.maxBatchEvents}`,
    );
  }
  const size = jsonSize(payloads);
  if (size > LIMITS.maxBatchBytes) {
    return fail('TOO_LARGE', `batch is ${size} bytes, limit ${LIMITS.maxBatchBytes}`);
  }
  if (!deps.bucket.take(Math.max(1, payloads.length))) {
    return fail('RATE_LIMITED', 'too many events from this socket; slow down');
  }
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
    if (!deps.admit(check.event)) {
      results[index] = DUPLICATE;
      return;
    }
    valid.push(check.event);
    indexes.push(index);
  });
  let outcomes: IngestOutcome[];
  try {
    outcomes = deps.ingest(valid);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('INTERNAL', `journal write failed: ${reason}`);
  }
  deps.observe?.(seen);
  outcomes.forEach((outcome, i) => {
    const index = indexes[i] ?? -1;
    results[index] =
      outcome === 'accepted'
        ? ACCEPTED
        : outcome === 'duplicate'
          ? DUPLICATE
          : { status: 'refused', code: 'INTERNAL', message: 'the live room failed on this event' };
  });
  return ok(summarize(results));
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
