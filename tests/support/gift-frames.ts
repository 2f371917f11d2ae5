/**
 * Gift frames for tests, built through the real schema so defaults match production events.
 */
import type { EventSource } from '../../shared/events/base';
import { type GiftEvent, type GiftInfo, giftEventSchema } from '../../shared/events/gift';

export const ROSE: GiftInfo = { id: 5655, name: 'Rose', coins: 1, type: 1, imageUrl: null };
export const FINGER_HEART: GiftInfo = {
  id: 5487,
  name: 'Finger Heart',
  coins: 5,
  type: 1,
  imageUrl: null,
};
export const GALAXY: GiftInfo = { id: 11046, name: 'Galaxy', coins: 1000, type: 2, imageUrl: null };

export interface FrameSpec {
  id: string;
  /** Sender @handle; the user id is derived from it unless `userId` is given. */
  user?: string;
  userId?: string;
  gift?: GiftInfo;
  count?: number;
  end?: boolean;
  group?: string;
  at?: number;
  source?: EventSource;
  /** Guest @handle the gift goes to. */
  toUser?: string;
}

/** Stream time the test streams start at (any epoch ms works: the ledger never reads a clock). */
export const T0 = 1_700_000_000_000;

export function giftFrame(spec: FrameSpec): GiftEvent {
  const handle = spec.user ?? 'alice';
  return giftEventSchema.parse({
    id: spec.id,
    source: spec.source ?? 'connector',
    at: spec.at ?? T0,
    kind: 'gift',
    user: { id: spec.userId ?? `uid-${handle}`, handle, nickname: handle.toUpperCase() },
    gift: spec.gift ?? ROSE,
    repeatCount: spec.count ?? 1,
    repeatEnd: spec.end ?? false,
    groupId: spec.group ?? 'g1',
    toUser:
      spec.toUser === undefined
        ? null
        : { id: `uid-${spec.toUser}`, handle: spec.toUser, nickname: spec.toUser },
  });
}

/** How page capture reports a frame: no group id, user known by handle, gift by name. */
export function pageFrame(spec: FrameSpec): GiftEvent {
  const gift = spec.gift ?? ROSE;
  return giftFrame({
    ...spec,
    source: 'page',
    group: '',
    userId: spec.user ?? 'alice',
    gift: { ...gift, id: null },
  });
}
