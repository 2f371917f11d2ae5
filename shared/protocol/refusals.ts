/**
 * Why the server refuses a client: at the handshake (Socket.IO's `connect_error`, whose `data`
 * is a `HandshakeRefusal`) or later on a live connection (the `refused` notice, just before it
 * closes the socket). zod/mini, as the channel schemas, so overlays read them without full zod.
 */
import { z } from 'zod/mini';
import { ERROR_CODES } from './ack';

/** Every code a handshake can be refused with; each says what the client should do. */
export const HANDSHAKE_REFUSAL_CODES = [
  /** Missing or wrong token: pair again. */
  'UNAUTHORIZED',
  'TOKEN_REVOKED',
  'TOKEN_EXPIRED',
  /** The token's role may not use this namespace. */
  'FORBIDDEN',
  'STREAM_NOT_GRANTED',
  /** Client and server speak different `PROTOCOL_VERSION`s: update or reload the client. */
  'PROTOCOL_MISMATCH',
  /** The page's origin is not on the server's allow-list (origins.ts). */
  'ORIGIN_REFUSED',
  /** The handshake's `auth` does not fit handshake.ts. */
  'BAD_PAYLOAD',
  'RATE_LIMITED',
] as const satisfies readonly (typeof ERROR_CODES)[number][];

export const handshakeRefusalSchema = z.object({
  code: z.enum(HANDSHAKE_REFUSAL_CODES),
  message: z.string(),
});
export type HandshakeRefusal = z.output<typeof handshakeRefusalSchema>;

/**
 * Sent on a live connection whose token stopped being good (revoked, expired) just before the
 * server closes it, so the client can say why instead of retrying.
 */
export const refusedNoticeSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type RefusedNotice = z.output<typeof refusedNoticeSchema>;
