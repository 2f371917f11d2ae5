/**
 * The real transport: one `TikTokLiveConnection` (tiktok-live-connector 2.5) per attempt, so a
 * failed or closed connection leaves no listeners behind. Only this file imports the library.
 * Not reachable from tests (no network); `classifyConnectError` is tested on the library's own
 * error classes.
 */
import {
  ControlEvent,
  InvalidResponseCompositeError,
  InvalidUniqueIdError,
  PremiumFeatureError,
  SignAPIError,
  SignatureRateLimitError,
  TikTokLiveConnection,
  UserOfflineError,
} from 'tiktok-live-connector';
import {
  ConnectorFailure,
  type ConnectorSession,
  type ConnectorTransport,
  type RawEventListener,
  type SessionEnd,
} from './transport';

/**
 * Connector events that become LiveEvents (the raw recording format uses these names):
 * every name the shared mapping reads that 2.5 emits (`subscribe` is 1.x's name for
 * `subNotify`). `streamEnd` is handled by the session as well.
 */
export const RECORDED_CONNECTOR_EVENTS = [
  'chat',
  'emote',
  'imDelete',
  'gift',
  'like',
  'member',
  'barrage',
  'superFan',
  'superFanJoin',
  'unauthorizedMember',
  'follow',
  'share',
  'social',
  'roomUser',
  'questionNew',
  'subNotify',
  'envelope',
  'superFanBox',
  'liveIntro',
  'linkMicBattle',
  'linkMicArmies',
  'goalUpdate',
  'streamEnd',
] as const;

export interface TikTokTransportOptions {
  /** The streamer's handle, with or without `@`. */
  handle: string;
  /** Euler Stream sign-server key; optional (the free tier has lower limits). Never logged. */
  apiKey?: string;
}

/** The few fields of TikTok's room info this file reads (the library types it as `any`). */
interface RoomInfoData {
  data?: {
    title?: unknown;
    owner_user_id?: unknown;
    owner?: { id_str?: unknown; id?: unknown };
  };
}

// The library's typed `on` is keyed by its event map; the names above are a subset of it, so a
// structural view with string names is all this file needs.
interface LooseEmitter {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export function createTikTokTransport(options: TikTokTransportOptions): ConnectorTransport {
  const handle = options.handle.replace(/^@/, '');
  return {
    async open(listener: RawEventListener): Promise<ConnectorSession> {
      // Always an options object: the 2.5 constructor throws a TypeError without one.
      const connection = new TikTokLiveConnection(handle, {
        ...(options.apiKey ? { signApiKey: options.apiKey } : {}),
      });
      const emitter = connection as unknown as LooseEmitter;
      for (const name of RECORDED_CONNECTOR_EVENTS) {
        emitter.on(name, (data) => listener(name, data));
      }
      // Without a listener the library swallows errors; with one we keep them off stdout.
      emitter.on(ControlEvent.ERROR, () => {});

      let streamEnded = false;
      const ended = new Promise<SessionEnd>((resolve) => {
        emitter.on('streamEnd', () => {
          streamEnded = true;
        });
        emitter.on(ControlEvent.DISCONNECTED, (info) => {
          if (streamEnded) {
            resolve({ reason: 'streamEnd' });
            return;
          }
          const { code, reason } = (info ?? {}) as { code?: number; reason?: string };
          resolve({ reason: 'disconnected', code: code ?? null, detail: reason || null });
        });
      });

      try {
        await connection.connect();
      } catch (error) {
        await connection.disconnect().catch(() => {});
        throw classifyConnectError(error, options.apiKey);
      }
      const info = connection.roomInfo as RoomInfoData | null;
      const title = info?.data?.title;
      const ownerId =
        info?.data?.owner_user_id ?? info?.data?.owner?.id_str ?? info?.data?.owner?.id;
      return {
        roomId: connection.roomId || null,
        title: typeof title === 'string' && title ? title : null,
        hostUserId:
          (typeof ownerId === 'string' || typeof ownerId === 'number') && String(ownerId) !== '0'
            ? String(ownerId)
            : null,
        ended,
        // Fetched apart from connect: a gift list that fails must not fail the connection (the
        // library's enableExtendedGiftInfo would fetch it inside connect).
        giftList: () => connection.fetchAvailableGifts(),
        close: () => connection.disconnect(),
      };
    },
  };
}

/** Removes the API key from any text that might be shown or logged. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

/** Maps the library's errors to what the panel shows. */
export function classifyConnectError(error: unknown, apiKey?: string): ConnectorFailure {
  const message = redactSecret(error instanceof Error ? error.message : String(error), apiKey);
  if (error instanceof UserOfflineError) return new ConnectorFailure('notLive', message);
  if (error instanceof SignatureRateLimitError) {
    return new ConnectorFailure('rateLimited', message, error.retryAfter || 0);
  }
  if (error instanceof PremiumFeatureError) {
    // 402/403: the key lacks the plan for this, or no key was given for a keyed feature.
    return new ConnectorFailure(apiKey ? 'invalidApiKey' : 'signServer', message);
  }
  if (error instanceof SignAPIError) {
    // The sign server answers 401/403 to a key it does not know.
    if (/status (401|403)\b/.test(error.message)) {
      return new ConnectorFailure('invalidApiKey', message);
    }
    return new ConnectorFailure('signServer', message);
  }
  if (error instanceof InvalidUniqueIdError) return new ConnectorFailure('invalidUser', message);
  if (error instanceof InvalidResponseCompositeError) {
    return new ConnectorFailure('unreachable', message);
  }
  return new ConnectorFailure('unknown', message);
}
