/** Input limits of the relay. Sizes are measured as JSON text length (UTF-16 code units). */
export const LIMITS = {
  /** One event or command. A real gift event is about 400 bytes. */
  maxEventBytes: 16 * 1024,
  /** One import of action rules (at most 100 rules of a few hundred bytes each). */
  maxImportBytes: 128 * 1024,
  /** One `events` batch. */
  maxBatchBytes: 1024 * 1024,
  /** Events in one batch. */
  maxBatchEvents: 5_000,
  /** Socket.IO's per-message cap: above the batch limit so oversize batches get an ack, not a drop. */
  maxHttpBufferSize: 2 * 1024 * 1024,
} as const;

/** Size of a payload as JSON text; Infinity when it cannot be serialized. */
export function jsonSize(payload: unknown): number {
  try {
    return JSON.stringify(payload)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
