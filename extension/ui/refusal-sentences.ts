/**
 * What the panel tells a person when the server refuses its connection, by the refusal's code:
 * the server's own message names token ids and flags, this says what to do next.
 */
import type { ErrorCode } from '../../shared/protocol/ack';

const SENTENCES: Partial<Record<ErrorCode, string>> = {
  TOKEN_REVOKED:
    'The streamer revoked this pairing. Ask them for a new pairing link and paste it below.',
  TOKEN_EXPIRED:
    'This pairing has expired. Ask the streamer for a new pairing link and paste it below.',
  UNAUTHORIZED:
    'The server does not know this pairing link. Copy the whole link again from where the server printed it.',
  STREAM_NOT_GRANTED: 'This pairing link does not grant that stream. Pick one it grants.',
  FORBIDDEN: 'This link is not a panel link (it is for an overlay or a source).',
  PROTOCOL_MISMATCH:
    'The extension and the server are different versions: update the older one, then pair again.',
  ORIGIN_REFUSED:
    'The server does not accept this browser: the link is paired with another install, or this origin is not allowed.',
  RATE_LIMITED: 'Too many attempts from here. Wait a minute, then pair again.',
};

/** The sentence for a refusal's code; a plain one for codes a handshake rarely carries. */
export function refusalSentence(code: ErrorCode): string {
  return SENTENCES[code] ?? 'The server refused the connection. Pair again with a fresh link.';
}
