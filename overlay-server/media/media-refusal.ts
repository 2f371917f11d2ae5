/**
 * Why the media cache would not serve a picture: a code from the protocol's closed set and the
 * HTTP status it is sent with. Thrown by the URL and address checks and the fetcher, caught by
 * the route, which answers with the code (never a stack or an upstream body).
 */
import type { ErrorCode } from '../../shared/protocol/ack';

export type MediaRefusalCode = Extract<
  ErrorCode,
  | 'BAD_PAYLOAD'
  | 'HOST_REFUSED'
  | 'ADDRESS_REFUSED'
  | 'NOT_AN_IMAGE'
  | 'TOO_LARGE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_FAILED'
>;

const STATUS: Record<MediaRefusalCode, number> = {
  BAD_PAYLOAD: 400,
  HOST_REFUSED: 403,
  ADDRESS_REFUSED: 403,
  // The upstream sent something we will not pass on: a bad gateway, not the client's fault.
  NOT_AN_IMAGE: 502,
  TOO_LARGE: 502,
  UPSTREAM_FAILED: 502,
  UPSTREAM_TIMEOUT: 504,
};

export class MediaRefusal extends Error {
  readonly status: number;
  constructor(
    readonly code: MediaRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaRefusal';
    this.status = STATUS[code];
  }
}

/** Anything thrown while fetching, as a refusal the route can send. */
export function asRefusal(error: unknown): MediaRefusal {
  if (error instanceof MediaRefusal) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new MediaRefusal('UPSTREAM_FAILED', `the picture could not be fetched: ${detail}`);
}
