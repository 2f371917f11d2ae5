/**
 * Chat-side payloads: `chat`, `emote` (a sticker on its own), `questionNew` (TikTok's Q&A) and
 * `imDelete` (TikTok removed messages). Each reads every shape (see shape.ts) and names the field
 * it fails on.
 */
import type { Emote } from '../../../shared/events/chat';
import { type BodyResult, type MapContext, userIn } from './context';
import {
  at,
  fail,
  firstImageUrl,
  isObject,
  type Obj,
  optionalId,
  optionalObject,
  optionalString,
} from './fields';

export function mapChat(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const emotes = mapEmotes(data.emotes);
  const text = optionalString(data, 'comment', where) ?? optionalString(data, 'content', where);
  // A line of emotes alone carries an empty text (protobuf drops it): the emotes are the line.
  if (text === undefined && emotes.length === 0)
    return fail(at(where, 'content'), 'missing (neither comment nor content)');
  return { body: { kind: 'chat', user: userIn(ctx), text: text ?? '', emotes } };
}

type MappedEmote = Emote & { at: number };

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
    const emote = emoteImage(isObject(item.emote) ? item.emote : item);
    const place = Number(item.index ?? item.placeInComment ?? 0);
    if (emote) {
      const at = Number.isSafeInteger(place) && place > 0 ? Math.min(place, 500) : 0;
      emotes.push({ ...emote, at });
    }
  }
  return emotes;
}

/** One emote's id and picture: nested `{emoteId, image: {imageUrl | urlList | url}}`, flat `emoteImageUrl`. */
function emoteImage(emote: Obj): Emote | null {
  const id = String(emote.emoteId ?? '');
  const image = isObject(emote.image) ? emote.image : {};
  const url = image.imageUrl ?? emote.emoteImageUrl ?? firstImageUrl(image);
  const usable =
    id &&
    id.length <= 64 &&
    typeof url === 'string' &&
    url.length <= 2048 &&
    /^https?:\/\//.test(url);
  return usable ? { id, imageUrl: url } : null;
}

/**
 * `emote`: nested `emoteList[]` (2.0–2.2 `image.url[]`, 2.3+ `image.urlList[]`), 2.x legacy
 * `emotes[{emoteId, emoteImageUrl}]`, 1.x one `emoteId` + `emoteImageUrl` at the top.
 */
export function mapEmote(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const list = Array.isArray(data.emoteList)
    ? data.emoteList
    : Array.isArray(data.emotes)
      ? data.emotes
      : [data];
  const emotes = list
    .filter(isObject)
    .map(emoteImage)
    .filter((emote): emote is Emote => emote !== null)
    .slice(0, 10);
  if (emotes.length === 0)
    return fail(at(where, 'emoteList'), 'no emote with an id and an http(s) image');
  return { body: { kind: 'emote', user: userIn(ctx), emotes } };
}

/** `questionNew`: 2.0–2.2 `details.questionText`, 2.3+ `data.content`, flattened `questionText`. */
export function mapQuestion(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const nested = optionalObject(data, 'details', where) ?? optionalObject(data, 'data', where);
  if (!nested && ctx.shape !== 'flat')
    return fail(at(where, 'data'), 'missing (neither details nor data)');
  const inner = nested ?? data;
  const innerPath = nested ? at(where, isObject(data.details) ? 'details' : 'data') : where;
  const text =
    optionalString(inner, 'questionText', innerPath) ??
    optionalString(inner, 'content', innerPath) ??
    fail(at(innerPath, 'content'), 'missing (neither questionText nor content)');
  return {
    body: {
      kind: 'question',
      user: userIn(ctx, inner, innerPath),
      text,
      questionId: optionalId(inner, 'questionId', innerPath) ?? null,
    },
  };
}

/** `imDelete`: 2.3+ `deleteMsgIds`/`deleteUserIds`, 2.0–2.2 (and legacy) the same with `List`. */
export function mapImDelete(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  // Beyond the event's bounds TikTok never goes in one message; cut rather than refuse.
  const messageIds = idList(data.deleteMsgIds ?? data.deleteMsgIdsList).slice(0, 500);
  const userIds = idList(data.deleteUserIds ?? data.deleteUserIdsList).slice(0, 100);
  if (messageIds.length + userIds.length === 0) {
    return fail(at(where, 'deleteMsgIds'), 'names no message and no user');
  }
  return { body: { kind: 'imDelete', messageIds, userIds } };
}

/** Ids as strings; numbers only while exact (64-bit ids lose digits as JS numbers). */
function idList(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const ids: string[] = [];
  for (const value of raw) {
    if (typeof value === 'string' && /^\d{1,64}$/.test(value) && value !== '0') ids.push(value);
    else if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
      ids.push(String(value));
  }
  return ids;
}
