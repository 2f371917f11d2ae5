/**
 * What a presented token may do here and now: the same decision for a Socket.IO handshake, an
 * HTTP request and the periodic re-check of long-lived sockets. Each refusal has its own code,
 * which the panel shows (revoked, expired, not this stream, other Firefox install, …).
 */
import type { ErrorCode } from '../../shared/protocol/ack';
import type { Role } from '../../shared/protocol/roles';
import type { TokenRecord } from './token-records';

/** Firefox's extension origins: the host is a random UUID per install. */
const MOZ_EXTENSION = /^moz-extension:\/\/[0-9a-f-]{36}$/i;

export const isFirefoxExtensionOrigin = (origin: string | undefined): origin is string =>
  origin !== undefined && MOZ_EXTENSION.test(origin);

export interface GrantRequest {
  /** Roles admitted for what is asked (a namespace's, the report API's, …). */
  roles: readonly Role[];
  /** What it is asked for, in messages: "may not use /ingest". */
  what: string;
  /** The stream named by the client; the token's first stream when undefined. */
  streamer?: string;
  origin?: string;
  now: number;
}

export type Grant =
  | {
      ok: true;
      record: TokenRecord;
      streamer: string;
      /** A Firefox extension origin to pin to this token (its first use from one). */
      pin: string | null;
    }
  | { ok: false; code: ErrorCode; message: string };

export function checkGrant(record: TokenRecord | null, request: GrantRequest): Grant {
  const refuse = (code: ErrorCode, message: string) => ({ ok: false as const, code, message });
  if (!record) return refuse('UNAUTHORIZED', 'unknown token');
  if (record.revokedAt !== null)
    return refuse('TOKEN_REVOKED', `token ${record.id} was revoked; pair again with a new one`);
  if (record.expiresAt !== null && request.now >= record.expiresAt) {
    const when = new Date(record.expiresAt).toISOString();
    return refuse('TOKEN_EXPIRED', `token ${record.id} expired at ${when}; ask for a new one`);
  }
  if (!request.roles.includes(record.role))
    return refuse('FORBIDDEN', `the ${record.role} role may not ${request.what}`);
  const streamer = request.streamer ?? record.streamers[0];
  if (streamer === undefined || !record.streamers.includes(streamer)) {
    return refuse(
      'STREAM_NOT_GRANTED',
      `this token does not grant stream ${JSON.stringify(request.streamer)}; it grants ${record.streamers.join(', ')}`,
    );
  }
  let pin: string | null = null;
  if (isFirefoxExtensionOrigin(request.origin)) {
    if (record.pinnedOrigin && record.pinnedOrigin !== request.origin) {
      return refuse(
        'ORIGIN_REFUSED',
        `token ${record.id} is paired with another Firefox install; the owner can unpin it (npm run tokens -- unpin ${record.id})`,
      );
    }
    if (!record.pinnedOrigin) pin = request.origin;
  }
  return { ok: true, record, streamer, pin };
}
