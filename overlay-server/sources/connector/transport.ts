/**
 * The seam between the connector source and `tiktok-live-connector`. The source's reconnect,
 * backoff and dedupe logic is tested against a fake transport; only `tiktok-transport.ts` talks
 * to TikTok (and it cannot be reached from tests: there is no network here).
 */

/** What went wrong, in the terms the panel shows. */
export type ConnectorFailureKind =
  /** The user exists but is not live now: wait and poll. */
  | 'notLive'
  /** The sign server refused: too many connects. */
  | 'rateLimited'
  /** The sign server rejected the API key (401/403). */
  | 'invalidApiKey'
  /** The sign server failed or answered something unusable. */
  | 'signServer'
  /** TikTok could not be reached (no network, room id lookup failed everywhere). */
  | 'unreachable'
  /** The handle is not a valid TikTok user name: retrying cannot help. */
  | 'invalidUser'
  /** Anything else; retried with backoff. */
  | 'unknown';

/** A classified connect failure. `message` is safe to show: the API key is never in it. */
export class ConnectorFailure extends Error {
  constructor(
    readonly kind: ConnectorFailureKind,
    message: string,
    /** The sign server's `retry-after`, in ms, for rate limits. */
    readonly retryAfterMs: number = 0,
  ) {
    super(message);
    this.name = 'ConnectorFailure';
  }
}

/** Why a live session closed. */
export type SessionEnd =
  /** TikTok said the stream ended (or was suspended). */
  | { reason: 'streamEnd' }
  /** The socket closed for another reason: reconnect. */
  | { reason: 'disconnected'; code: number | null; detail: string | null };

/** Receives raw connector events: `name` is the connector's event name, `data` its payload. */
export type RawEventListener = (name: string, data: unknown) => void;

/** One connected session. */
export interface ConnectorSession {
  /** TikTok's room id: a new one means a new stream. */
  readonly roomId: string | null;
  /** The stream's title when the room info had one. */
  readonly title: string | null;
  /** The host's TikTok user id when the room info had it (gifts to the host name them). */
  readonly hostUserId: string | null;
  /**
   * The room's gift list as TikTok sends it (tiktok-payloads/gift-list.ts reads it), for gift
   * pictures; rejects when it cannot be fetched. Absent where a transport has none.
   */
  giftList?(): Promise<unknown>;
  /** Resolves once, when the session closes by itself. */
  readonly ended: PromiseLike<SessionEnd>;
  /** Closes the session; `ended` may then never resolve. */
  close(): Promise<void>;
}

/** Opens sessions to one TikTok user's live room. */
export interface ConnectorTransport {
  /**
   * Connects and resolves once the room is entered. Raw events (including the recent messages
   * TikTok sends right after connecting) go to `listener` from then until the session ends.
   * Rejects with a `ConnectorFailure`.
   */
  open(listener: RawEventListener): Promise<ConnectorSession>;
}
