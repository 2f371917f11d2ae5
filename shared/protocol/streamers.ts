/**
 * One deployment may serve many streamers. Each is a stream of its own (tokens, live room,
 * ledger, journal); a token acts only on the streams it grants. A single `npm start` serves one,
 * named `default`, and clients that name none get their token's first stream.
 */

/** The stream `npm start` serves and the four tokens of `config.json` grant. */
export const DEFAULT_STREAMER = 'default';

/** A stream's name: lower-case letters, digits and dashes (it names a folder and a Redis key). */
export const STREAMER_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const isStreamerId = (value: unknown): value is string =>
  typeof value === 'string' && STREAMER_ID.test(value);
