/** What every payload mapper gets, and what it answers. */
import type { LiveEventInput } from '../../../shared/events/live-event';
import type { UserInput } from '../../../shared/events/user';
import { at, type FieldPath, fail, isObject, type Obj, optionalObject } from './fields';
import { hasFlatUser } from './flat-user';
import type { MessageHeader, PayloadShape } from './shape';
import { mapUser } from './user';

/** A `LiveEventInput` without the base fields (id, source, at) the dispatcher adds. */
export type EventBody = LiveEventInput extends infer E
  ? E extends LiveEventInput
    ? Omit<E, 'id' | 'source' | 'at'>
    : never
  : never;

/** A mapper either produces the event body or says why the payload is not an event for us. */
export type BodyResult = { body: EventBody } | { skip: string };

export interface MapContext {
  /** The connector payload. */
  data: Obj;
  /** The event name and path so far, for errors (`gift.user.userId: missing`). */
  where: FieldPath;
  shape: PayloadShape;
  header: MessageHeader;
  /** The streamer's user id when known ('' otherwise): their gifts' `toUser`, their battle side. */
  hostUserId: string;
  /** A gift's picture from the room's gift list, for gift payloads that carry none. */
  giftPicture: (giftId: number | null) => string | null;
}

/**
 * The user of a message part (the payload itself by default): its `user` object; for a flattened
 * payload the part itself, unless the flattening left a nested `user` (2.x legacy questions).
 */
export function userIn(ctx: MapContext, part: Obj = ctx.data, where = ctx.where): UserInput {
  const identity = part.userIdentity;
  if (ctx.shape === 'flat' && !isObject(part.user)) {
    if (hasFlatUser(part)) return mapUser(part, where, identity);
    return fail(at(where, 'userId'), 'missing (neither a user nor a flattened userId)');
  }
  const raw = optionalObject(part, 'user', where) ?? fail(at(where, 'user'), 'missing');
  return mapUser(raw, at(where, 'user'), identity);
}

/** Like `userIn`, but a message part without any user gives null. */
export function optionalUserIn(ctx: MapContext, part: Obj = ctx.data): UserInput | null {
  if (ctx.shape === 'flat' && !isObject(part.user))
    return hasFlatUser(part) ? userIn(ctx, part) : null;
  return isObject(part.user) ? userIn(ctx, part) : null;
}
