/**
 * The pairing link `npm start` prints: `http://127.0.0.1:7420/pair?token=<token>`. The panel
 * keeps the server's origin and the token; the role and the streams the token grants come from
 * the server at subscribe. A link may name a stream (`&streamer=<id>`) of a token that grants
 * several; the panel switches among them later.
 */
import { isStreamerId } from '../../shared/protocol/streamers';

/** Where the panel connects, and with which token. */
export interface PairingTarget {
  /** The server's origin, e.g. `http://127.0.0.1:7420`. */
  origin: string;
  token: string;
  /** The stream the panel acts on; absent: the token's first stream. */
  streamer?: string;
}

/** Why a pasted link was not accepted; shown under the input. */
export class PairingLinkError extends Error {
  readonly code = 'BAD_PAIRING_LINK';
}

const TOKEN_PATTERN = /^[A-Za-z0-9_\-.~]{8,256}$/;

/** Parses a pasted pairing link, or throws a `PairingLinkError` that says what is wrong. */
export function parsePairingLink(input: string): PairingTarget {
  const text = input.trim();
  if (text === '') throw new PairingLinkError('Paste the pairing link that `npm start` printed.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PairingLinkError('That is not a link: it should start with http://');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PairingLinkError(`A pairing link is http or https, not ${url.protocol}`);
  }
  const token = url.searchParams.get('token');
  if (!token) throw new PairingLinkError('The link has no token: copy the whole pairing link.');
  if (!TOKEN_PATTERN.test(token)) {
    throw new PairingLinkError('The token in the link looks cut short or altered.');
  }
  const streamer = url.searchParams.get('streamer');
  if (streamer !== null && !isStreamerId(streamer)) {
    throw new PairingLinkError('The stream named in the link is not a stream id.');
  }
  return streamer === null
    ? { origin: url.origin, token }
    : { origin: url.origin, token, streamer };
}
