/**
 * THE adapter from `tiktok-live-connector` events (name + payload, either generation) to
 * Limelight `LiveEvent`s. Raw recordings, replay and the live connector source all go through
 * it, so a payload quirk is fixed once.
 */
import type { EventSource } from '../../../shared/events/base';
import type { LiveEvent } from '../../../shared/events/live-event';
import { parseLiveEvent } from '../../../shared/events/parse';
import {
  type FieldPath,
  isObject,
  type Obj,
  optionalId,
  optionalObject,
  PayloadError,
} from './fields';
import { mapGiftFields } from './gift';
import {
  type BodyResult,
  mapChat,
  mapEnvelope,
  mapLike,
  mapMember,
  mapQuestion,
  mapRoomUser,
  mapSocial,
  mapStreamEnd,
  mapUserAction,
} from './room-events';

export interface PayloadMappingOptions {
  /** Stamped on every event. Default `connector`. */
  source?: EventSource;
  /** The host's user id, so a gift whose `toUser` is the host counts as the host's. */
  hostUserId?: string;
  /** Gift pictures from the room's gift list, for gift payloads that carry none. */
  giftPicture?: (giftId: number | null) => string | null;
}

/** What became of one payload. */
export type PayloadMapping =
  | { status: 'mapped'; event: LiveEvent }
  /** Not an event Limelight uses (unknown name, a `member` that is not a join, …). */
  | { status: 'skipped'; reason: string }
  /** Malformed: the error names the field. */
  | { status: 'invalid'; error: PayloadError };

type BodyMapper = (
  data: Obj,
  where: FieldPath,
  options: Required<PayloadMappingOptions>,
) => BodyResult;

const MAPPERS: Record<string, BodyMapper> = {
  chat: mapChat,
  gift: (data, where, options) => ({
    body: { kind: 'gift', ...mapGiftFields(data, where, options) },
  }),
  like: mapLike,
  member: mapMember,
  follow: mapUserAction('follow'),
  share: mapUserAction('share'),
  social: mapSocial,
  roomUser: mapRoomUser,
  questionNew: mapQuestion,
  subNotify: mapUserAction('subscribe'),
  envelope: mapEnvelope,
  streamEnd: mapStreamEnd,
};

/** Event names the adapter maps; anything else is skipped with a reason. */
export const MAPPED_CONNECTOR_EVENTS = Object.keys(MAPPERS) as readonly string[];

/**
 * Maps one connector event. `receivedAt` (epoch ms: the recording's `at`, or the time of
 * receipt) stands in for `common.createTime` when the payload has none.
 */
export function mapConnectorEvent(
  eventName: string,
  data: unknown,
  receivedAt: number,
  options: PayloadMappingOptions = {},
): PayloadMapping {
  const mapper = Object.hasOwn(MAPPERS, eventName) ? MAPPERS[eventName] : undefined;
  // The name is cut short: a hostile recording must not grow the skip tally without bound.
  if (!mapper) return { status: 'skipped', reason: `unknown event ${eventName.slice(0, 64)}` };
  const where: FieldPath = { eventName, path: '' };
  try {
    if (!isObject(data)) throw new PayloadError(eventName, '', 'payload is not an object');
    const result = mapper(data, where, {
      source: options.source ?? 'connector',
      hostUserId: options.hostUserId ?? '',
      giftPicture: options.giftPicture ?? noPicture,
    });
    if ('skip' in result) return { status: 'skipped', reason: result.skip };
    const common = optionalObject(data, 'common', where) ?? {};
    const candidate = {
      ...result.body,
      id:
        optionalId(common, 'msgId', { eventName, path: 'common' }) ??
        fallbackId(eventName, data, receivedAt),
      source: options.source ?? 'connector',
      at: eventTime(common, receivedAt),
    };
    const parsed = parseLiveEvent(candidate);
    if (!parsed.ok) {
      throw new PayloadError(eventName, '', `maps to an invalid event (${parsed.message})`);
    }
    return { status: 'mapped', event: parsed.value };
  } catch (error) {
    if (error instanceof PayloadError) return { status: 'invalid', error };
    throw error;
  }
}

const noPicture = () => null;

/** `common.createTime` is epoch ms as a string; some messages carry seconds. */
function eventTime(common: Obj, receivedAt: number): number {
  const raw = Number(common.createTime);
  if (!Number.isFinite(raw) || raw <= 0) return Math.max(0, Math.round(receivedAt));
  return Math.round(raw < 100_000_000_000 ? raw * 1000 : raw);
}

/**
 * Payloads without `common.msgId` (streamEnd) get an id derived from their content and time, so
 * the same payload replayed after a reconnect dedupes to the same id.
 */
function fallbackId(eventName: string, data: Obj, receivedAt: number): string {
  const text = JSON.stringify(data);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${eventName}-${Math.round(receivedAt)}-${(hash >>> 0).toString(16)}`;
}
