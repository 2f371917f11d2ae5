/**
 * THE adapter from `tiktok-live-connector` events (name + payload, in any shape the connector
 * has emitted: nested 2.0–2.2, nested 2.3+, flattened 1.x / `legacy`) to Limelight
 * `LiveEvent`s. Raw recordings, replay and the live connector source all go through it, so a
 * payload quirk is fixed once. The shape is told per payload (shape.ts); the mappers live by
 * family in chat-, social-, room-, battle- and goal-events.ts and gift.ts.
 */
import type { EventSource } from '../../../shared/events/base';
import type { LiveEvent } from '../../../shared/events/live-event';
import { parseLiveEvent } from '../../../shared/events/parse';
import { mapLinkMicArmies, mapLinkMicBattle } from './battle-events';
import { mapChat, mapEmote, mapImDelete, mapQuestion } from './chat-events';
import type { BodyResult, MapContext } from './context';
import { type FieldPath, isObject, type Obj, optionalId, PayloadError } from './fields';
import { mapGift } from './gift';
import { mapGoalUpdate } from './goal-events';
import { mapEnvelope, mapLiveIntro, mapRoomUser, mapStreamEnd } from './room-events';
import { detectShape, messageHeader, type PayloadShape } from './shape';
import {
  mapAnonymousJoin,
  mapBarrage,
  mapLike,
  mapMember,
  mapSocial,
  mapSubscription,
} from './social-events';

export interface PayloadMappingOptions {
  /** Stamped on every event. Default `connector`. */
  source?: EventSource;
  /** The host's user id, so a gift whose `toUser` is the host counts as the host's. */
  hostUserId?: string;
  /** Gift pictures from the room's gift list, for gift payloads that carry none. */
  giftPicture?: (giftId: number | null) => string | null;
}

/** What became of one payload. `shape` is the payload's shape, when it was an object. */
export type PayloadMapping =
  | { status: 'mapped'; event: LiveEvent; shape: PayloadShape }
  /** Not an event Limelight uses (unknown name, a `member` that is not a join, …). */
  | { status: 'skipped'; reason: string; shape?: PayloadShape }
  /** Malformed: the error names the field. */
  | { status: 'invalid'; error: PayloadError; shape?: PayloadShape };

type BodyMapper = (ctx: MapContext) => BodyResult;

/** Connector event name → mapper. 1.x names (`subscribe`) and derived events are listed too. */
const MAPPERS: Record<string, BodyMapper> = {
  chat: mapChat,
  emote: mapEmote,
  questionNew: mapQuestion,
  imDelete: mapImDelete,
  gift: mapGift,
  like: mapLike,
  member: mapMember,
  barrage: (ctx) => mapBarrage(ctx),
  superFan: (ctx) => mapBarrage(ctx, 'superFan'),
  superFanJoin: (ctx) => mapBarrage(ctx, 'superFanJoin'),
  unauthorizedMember: mapAnonymousJoin,
  follow: (ctx) => mapSocial(ctx, 'follow'),
  share: (ctx) => mapSocial(ctx, 'share'),
  social: (ctx) => mapSocial(ctx),
  subNotify: mapSubscription,
  subscribe: mapSubscription,
  roomUser: mapRoomUser,
  envelope: (ctx) => mapEnvelope(ctx),
  superFanBox: (ctx) => mapEnvelope(ctx, 'superFanBox'),
  liveIntro: mapLiveIntro,
  linkMicBattle: mapLinkMicBattle,
  linkMicArmies: mapLinkMicArmies,
  goalUpdate: mapGoalUpdate,
  streamEnd: mapStreamEnd,
};

/** Event names the adapter maps; anything else is skipped as an unknown event. */
export const MAPPED_CONNECTOR_EVENTS = Object.keys(MAPPERS) as readonly string[];

/** The reason prefix of payloads whose event name no mapper knows. */
export const UNKNOWN_EVENT = 'unknown event';

/**
 * Maps one connector event. `receivedAt` (epoch ms: the recording's `at`, or the time of
 * receipt) stands in for `createTime` when the payload has none.
 */
export function mapConnectorEvent(
  eventName: string,
  data: unknown,
  receivedAt: number,
  options: PayloadMappingOptions = {},
): PayloadMapping {
  const mapper = Object.hasOwn(MAPPERS, eventName) ? MAPPERS[eventName] : undefined;
  // The name is cut short: a hostile recording must not grow the skip tally without bound.
  if (!mapper) return { status: 'skipped', reason: `${UNKNOWN_EVENT} ${eventName.slice(0, 64)}` };
  const where: FieldPath = { eventName, path: '' };
  if (!isObject(data)) {
    return {
      status: 'invalid',
      error: new PayloadError(eventName, '', 'payload is not an object'),
    };
  }
  const shape = detectShape(data);
  try {
    const header = messageHeader(data, shape);
    const result = mapper({
      data,
      where,
      shape,
      header,
      hostUserId: options.hostUserId ?? '',
      giftPicture: options.giftPicture ?? noPicture,
    });
    if ('skip' in result) return { status: 'skipped', reason: result.skip, shape };
    const headerPath = { eventName, path: shape === 'flat' ? '' : 'common' };
    const candidate = {
      ...result.body,
      id: optionalId(header.common, 'msgId', headerPath) ?? fallbackId(eventName, data, receivedAt),
      source: options.source ?? 'connector',
      at: eventTime(header.common, receivedAt),
    };
    const parsed = parseLiveEvent(candidate);
    if (!parsed.ok) {
      throw new PayloadError(eventName, '', `maps to an invalid event (${parsed.message})`);
    }
    return { status: 'mapped', event: parsed.value, shape };
  } catch (error) {
    if (error instanceof PayloadError) return { status: 'invalid', error, shape };
    throw error;
  }
}

const noPicture = () => null;

/** `createTime` is epoch ms as a string; some messages carry seconds. */
function eventTime(common: Obj, receivedAt: number): number {
  const raw = Number(common.createTime);
  if (!Number.isFinite(raw) || raw <= 0) return Math.max(0, Math.round(receivedAt));
  return Math.round(raw < 100_000_000_000 ? raw * 1000 : raw);
}

/**
 * Payloads without a message id (streamEnd; 1.x room, chest and battle messages) get an id
 * derived from their content and time, so the same payload replayed after a reconnect dedupes
 * to the same id.
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
