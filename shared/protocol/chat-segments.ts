/**
 * A chat line as runs of text and emotes, in reading order: what overlays and panels draw
 * (text as text, emotes as pictures). TikTok places an emote by an insertion index into the
 * text; indexes past the end put the emote last, and an index inside a surrogate pair moves
 * after it, so an emote never splits a character. Emotes at the same place keep their order.
 */
import type { ChatEmote } from '../events/chat';

/** One run of a chat line. */
export type ChatSegment =
  | { kind: 'text'; text: string }
  | { kind: 'emote'; id: string; imageUrl: string };

export function chatSegments(
  text: string,
  emotes: ReadonlyArray<Pick<ChatEmote, 'id' | 'imageUrl'> & { at?: number | null }>,
): ChatSegment[] {
  const placed = emotes
    .map((emote, order) => ({ emote, order, at: placeIn(text, emote.at) }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const segments: ChatSegment[] = [];
  let from = 0;
  for (const { emote, at } of placed) {
    if (at > from) segments.push({ kind: 'text', text: text.slice(from, at) });
    segments.push({ kind: 'emote', id: emote.id, imageUrl: emote.imageUrl });
    from = Math.max(from, at);
  }
  if (from < text.length) segments.push({ kind: 'text', text: text.slice(from) });
  return segments;
}

function placeIn(text: string, at: number | null | undefined): number {
  if (at === null || at === undefined || !Number.isFinite(at)) return text.length;
  const index = Math.min(Math.max(0, Math.trunc(at)), text.length);
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splitsPair ? index + 1 : index;
}
