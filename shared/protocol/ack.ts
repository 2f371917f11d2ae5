/** The closed set of error codes any acknowledgement or refused handshake can carry. */
export const ERROR_CODES = [
  /** The payload failed its schema; the message names each field. */
  'BAD_PAYLOAD',
  /** An event or command name the server does not know. */
  'UNKNOWN_EVENT',
  /** A payload over the size limit. */
  'TOO_LARGE',
  /** Missing or wrong token. */
  'UNAUTHORIZED',
  /** The token was revoked by its stream's owner: pair again with a new one. */
  'TOKEN_REVOKED',
  /** The token is past its expiry: ask the owner for a new one. */
  'TOKEN_EXPIRED',
  /** The token is good but does not grant the stream asked for. */
  'STREAM_NOT_GRANTED',
  /** The token's role may not do this. */
  'FORBIDDEN',
  /** Client and server speak different `PROTOCOL_VERSION`s. */
  'PROTOCOL_MISMATCH',
  /** The request came from an origin that is not on the allow-list. */
  'ORIGIN_REFUSED',
  /** Too many messages from this socket; slow down. */
  'RATE_LIMITED',
  /** The thing named (poll, question, segment…) does not exist. */
  'NOT_FOUND',
  /** The request does not fit the current state (closing a closed poll, …). */
  'CONFLICT',
  /** The client is not connected; the command was not sent (client-side only). */
  'DISCONNECTED',
  /** The server failed; it keeps serving and the request can be retried. */
  'INTERNAL',
  /**
   * The stream's writer is moving to another server process (the last one stopped): nothing was
   * recorded; retry in a moment.
   */
  'WRITER_UNAVAILABLE',
  /** A picture URL names a host off the media allow-list, an IP literal, or redirects off it. */
  'HOST_REFUSED',
  /** A picture's host resolves to a private, loopback, link-local or reserved address. */
  'ADDRESS_REFUSED',
  /** What a picture URL returned is not a supported image (by its type or its bytes). */
  'NOT_AN_IMAGE',
  /** The picture's server did not answer in time. */
  'UPSTREAM_TIMEOUT',
  /** The picture's server failed: an error status, no connection, too many redirects. */
  'UPSTREAM_FAILED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One acknowledgement envelope for every request on every namespace. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export type AckCallback<T> = (ack: Ack<T>) => void;

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

export const fail = (
  code: ErrorCode,
  message: string,
): { ok: false; code: ErrorCode; message: string } => ({
  ok: false,
  code,
  message,
});

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
