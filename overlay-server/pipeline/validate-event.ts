/** Ingest validation: size, then the shared schema, with an error code for each kind of wrong. */
import { LIVE_EVENT_KINDS, type LiveEvent } from '../../shared/events/live-event';
import { parseLiveEvent } from '../../shared/events/parse';
import type { ErrorCode } from '../../shared/protocol/ack';
import { jsonSize, LIMITS } from './limits';

export type EventCheck =
  | { ok: true; event: LiveEvent }
  | { ok: false; code: ErrorCode; message: string };

const KINDS: ReadonlySet<string> = new Set(LIVE_EVENT_KINDS);

/** Checks one inbound event payload. `size` may be passed when already measured. */
export function validateEvent(payload: unknown, size = jsonSize(payload)): EventCheck {
  if (size > LIMITS.maxEventBytes) {
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: `event is ${size} bytes, limit ${LIMITS.maxEventBytes}`,
    };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, code: 'BAD_PAYLOAD', message: 'an event is a JSON object' };
  }
  const kind = (payload as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    return {
      ok: false,
      code: 'UNKNOWN_EVENT',
      message: `unknown event kind ${JSON.stringify(kind)}; expected one of ${LIVE_EVENT_KINDS.join(', ')}`,
    };
  }
  const parsed = parseLiveEvent(payload);
  if (!parsed.ok) return { ok: false, code: 'BAD_PAYLOAD', message: parsed.message };
  return { ok: true, event: parsed.value };
}
