/**
 * Bumped on any incompatible change to the Socket.IO event maps or payloads. Every handshake
 * carries it; a mismatch is refused with `PROTOCOL_MISMATCH` so a stale overlay or panel fails
 * loudly instead of half-working.
 */
export const PROTOCOL_VERSION = 1;
