/**
 * Connector payloads other than gifts → the kind-specific part of a `LiveEvent`. Each mapper
 * reads both generations (2.0–2.2 first, 2.3+ second) and names the field it fails on.
 */
import type { LiveEventInput } from '../../../shared/events/live-event';
import {
  at,
  type FieldPath,
  fail,
  firstImageUrl,
  isObject,
  type Obj,
  optionalCount,
  optionalId,
  optionalObject,
  optionalString,
  requireObject,
} from './fields';
import { mapUser } from './user';

/** A `LiveEventInput` without the base fields (id, source, at) the dispatcher adds. */
export type EventBody = LiveEventInput extends infer E
  ? E extends LiveEventInput
    ? Omit<E, 'id' | 'source' | 'at'>
    : never
  : never;

/** A mapper either produces the event body or says why the payload is not an event for us. */
export type BodyResult = { body: EventBody } | { skip: string };

const user = (data: Obj, where: FieldPath, identity?: unknown) =>
  mapUser(requireObject(data, 'user', where), at(where, 'user'), identity);

export function mapChat(data: Obj, where: FieldPath): BodyResult {
  const emotes = mapEmotes(data.emotes);
  const text = optionalString(data, 'comment', where) ?? optionalString(data, 'content', where);
  // A line of emotes alone carries an empty text (protobuf drops it): the emotes are the line.
  if (text === undefined && emotes.length === 0)
    return fail(at(where, 'content'), 'missing (neither comment nor content)');
  return {
    body: { kind: 'chat', user: user(data, where, data.userIdentity), text: text ?? '', emotes },
  };
}

type MappedEmote = { id: string; imageUrl: string; at: number };

/**
 * 2.0–2.2 `{placeInComment, emote: {emoteId, image: {imageUrl}}}`, 2.3+ `{index, emote:
 * {emoteId, image: {urlList}}}`, legacy flat `{emoteId, emoteImageUrl, placeInComment}`. The
 * place is an insertion index into the text; protobuf drops a 0, so a missing place is the start.
 */
function mapEmotes(raw: unknown): MappedEmote[] {
  if (!Array.isArray(raw)) return [];
  const emotes: MappedEmote[] = [];
  for (const item of raw.slice(0, 50)) {
    if (!isObject(item)) continue;
    const emote = isObject(item.emote) ? item.emote : item;
    const id = String(emote.emoteId ?? '');
    const image = isObject(emote.image) ? emote.image : {};
    const url = image.imageUrl ?? emote.emoteImageUrl ?? firstImageUrl(image);
    const place = Number(item.index ?? item.placeInComment ?? 0);
    if (
      id &&
      id.length <= 64 &&
      typeof url === 'string' &&
      url.length <= 2048 &&
      /^https?:\/\//.test(url)
    ) {
      const at = Number.isSafeInteger(place) && place > 0 ? Math.min(place, 500) : 0;
      emotes.push({ id, imageUrl: url, at });
    }
  }
  return emotes;
}

export function mapLike(data: Obj, where: FieldPath): BodyResult {
  const count = optionalCount(data, 'likeCount', where) ?? optionalCount(data, 'count', where) ?? 0;
  const roomTotal =
    optionalCount(data, 'totalLikeCount', where) ?? optionalCount(data, 'total', where) ?? null;
  const liker = optionalObject(data, 'user', where);
  return {
    body: {
      kind: 'like',
      user: liker ? mapUser(liker, at(where, 'user')) : null,
      count,
      roomTotal,
    },
  };
}

/** `member`: action 1 is a join (0 when protobuf dropped the default); 3 is a subscription notice. */
export function mapMember(data: Obj, where: FieldPath): BodyResult {
  const action = optionalCount(data, 'action', where) ?? 0;
  if (action > 1) return { skip: `member action ${action}` };
  return { body: { kind: 'join', user: user(data, where) } };
}

export function mapUserAction(kind: 'follow' | 'share' | 'subscribe') {
  return (data: Obj, where: FieldPath): BodyResult => ({ body: { kind, user: user(data, where) } });
}

/** `social` is what the connector emits when it cannot tell follow from share by the display key. */
export function mapSocial(data: Obj, where: FieldPath): BodyResult {
  const common = optionalObject(data, 'common', where) ?? {};
  const displayText = isObject(common.displayText) ? common.displayText : {};
  const key = String(displayText.key ?? '').toLowerCase();
  if (key.includes('follow')) return mapUserAction('follow')(data, where);
  if (key.includes('share')) return mapUserAction('share')(data, where);
  return { skip: 'social without follow or share' };
}

export function mapRoomUser(data: Obj, where: FieldPath): BodyResult {
  const count =
    optionalCount(data, 'viewerCount', where) ??
    optionalCount(data, 'total', where) ??
    fail(at(where, 'total'), 'missing (neither viewerCount nor total)');
  return { body: { kind: 'viewers', count } };
}

export function mapQuestion(data: Obj, where: FieldPath): BodyResult {
  const inner =
    optionalObject(data, 'details', where) ??
    optionalObject(data, 'data', where) ??
    fail(at(where, 'data'), 'missing (neither details nor data)');
  const innerPath = at(where, isObject(data.details) ? 'details' : 'data');
  const text =
    optionalString(inner, 'questionText', innerPath) ??
    optionalString(inner, 'content', innerPath) ??
    fail(at(innerPath, 'content'), 'missing (neither questionText nor content)');
  return {
    body: {
      kind: 'question',
      user: user(inner, innerPath),
      text,
      questionId: optionalId(inner, 'questionId', innerPath) ?? null,
    },
  };
}

/** `envelope` (treasure chest): coins handed to viewers, never gift revenue. */
export function mapEnvelope(data: Obj, where: FieldPath): BodyResult {
  const info = requireObject(data, 'envelopeInfo', where);
  const infoPath = at(where, 'envelopeInfo');
  const id =
    optionalId(info, 'sendUserId', infoPath) ?? fail(at(infoPath, 'sendUserId'), 'missing');
  const name = optionalString(info, 'sendUserName', infoPath) ?? id;
  return {
    body: {
      kind: 'chest',
      user: { id, handle: name, nickname: name, avatarUrl: firstImageUrl(info.sendUserAvatar) },
      coins: optionalCount(info, 'diamondCount', infoPath) ?? 0,
      slots: optionalCount(info, 'peopleCount', infoPath) ?? 0,
    },
  };
}

/** `streamEnd {action}`: 3 ended by the host, 4 suspended by TikTok. */
export function mapStreamEnd(data: Obj, where: FieldPath): BodyResult {
  const action = optionalCount(data, 'action', where);
  return { body: { kind: 'streamEnd', reason: action === 4 ? 'banned' : 'ended' } };
}
