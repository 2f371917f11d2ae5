/**
 * Reads one chat-list row into what it shows: a chat message, a gift frame, or a system action.
 * Pure DOM reading over the selectors module; nothing here decides what is new or sends anything.
 */
import {
  BADGE_IMAGE,
  BADGE_SRC,
  BOILERPLATE,
  COMMENT_TEXT,
  GIFT_COUNT,
  GIFT_COUNT_ONLY,
  GIFT_COUNT_TEXT,
  GIFT_IMAGE,
  GIFT_IMAGE_HASH,
  GIFT_MESSAGE,
  OWNER_NAME,
  PROFILE_LINK,
  queryFirst,
  SOCIAL_MESSAGE,
  SOCIAL_TEXT,
  USER_INFO,
} from './selectors';

/** The sender as the row shows them. */
export interface PageSender {
  /** The name shown (TikTok shows the nickname in most layouts). */
  name: string;
  /** The @handle (without @) from a profile link, else the shown name. */
  handle: string;
  avatarUrl: string | null;
  moderator: boolean;
  subscriber: boolean;
  gifterLevel: number | null;
}

export type PageRow =
  | {
      kind: 'chat';
      sender: PageSender;
      text: string;
      emotes: Array<{ id: string; imageUrl: string }>;
    }
  | {
      kind: 'gift';
      sender: PageSender;
      /** The 32-hex hash of the gift picture: the gift's identity on the page. */
      giftHash: string;
      giftImageUrl: string;
      /** The picture's alt/title, when the layout sets one. */
      giftName: string | null;
      count: number;
    }
  | { kind: 'join' | 'follow' | 'like' | 'share'; sender: PageSender };

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const httpUrl = (url: string | null | undefined) => (url && /^https?:\/\//.test(url) ? url : null);

export function readSender(row: Element): PageSender | null {
  const owner = row.querySelector(OWNER_NAME);
  const name = clean(owner?.textContent) || clean(owner?.getAttribute('title'));
  if (!name) return null;
  const href = row.querySelector(PROFILE_LINK)?.getAttribute('href') ?? '';
  const handle = href.match(/\/@([\w.]+)/)?.[1] ?? name;
  const avatar = row.firstElementChild?.querySelector('img')?.getAttribute('src');
  const badges = Array.from(row.querySelectorAll(BADGE_IMAGE));
  const srcOf = (img: Element) => img.getAttribute('src') ?? '';
  const grade = badges.find((img) => BADGE_SRC.gifterLevel.test(srcOf(img)));
  const level = Number.parseInt(clean(grade?.nextElementSibling?.textContent), 10);
  return {
    name,
    handle,
    avatarUrl: httpUrl(avatar),
    moderator: badges.some((img) => BADGE_SRC.moderator.test(srcOf(img))),
    subscriber: badges.some((img) => BADGE_SRC.subscriber.test(srcOf(img))),
    gifterLevel: Number.isFinite(level) ? level : null,
  };
}

function readGift(row: Element, sender: PageSender): PageRow | null {
  // Badges and emotes are CDN images too: the gift picture is neither. (Only a marked comment
  // element says "emotes in here"; the older layout's text block also holds the gift picture.)
  const comment = queryFirst(row, COMMENT_TEXT);
  const image = Array.from(row.querySelectorAll(GIFT_IMAGE)).find(
    (img) => !img.matches(BADGE_IMAGE) && !comment?.contains(img),
  );
  const src = image?.getAttribute('src') ?? '';
  const hash = src.match(GIFT_IMAGE_HASH)?.[0]?.toLowerCase();
  if (!image || !hash) return null;
  const marked =
    row.matches(GIFT_MESSAGE) ||
    row.querySelector(GIFT_MESSAGE) !== null ||
    row.querySelector(GIFT_COUNT) !== null;
  // Unmarked layouts: a gift is a picture followed by nothing but its `×N` ("hi <emote> x2 for
  // luck" is chat).
  const countText = marked
    ? clean(row.querySelector(GIFT_COUNT)?.textContent) || clean(row.textContent)
    : textAfter(image);
  const match = countText.match(marked ? GIFT_COUNT_TEXT : GIFT_COUNT_ONLY);
  const count = Number.parseInt(match?.[1] ?? '', 10);
  if (!Number.isFinite(count) && !marked) return null;
  const giftName = clean(image.getAttribute('alt')) || clean(image.getAttribute('title')) || null;
  return {
    kind: 'gift',
    sender,
    giftHash: hash,
    giftImageUrl: src,
    giftName,
    count: Number.isFinite(count) && count > 0 ? count : 1,
  };
}

/** The text that follows `node` within its parent. */
function textAfter(node: Node): string {
  let text = '';
  for (let next = node.nextSibling; next; next = next.nextSibling) text += next.textContent ?? '';
  return clean(text);
}

function readCommentText(row: Element): Element | null {
  return queryFirst(row, COMMENT_TEXT) ?? row.querySelector(USER_INFO)?.nextElementSibling ?? null;
}

/** What a row shows, or null for spacers, boilerplate and rows this reader does not know. */
export function readRow(row: Element): PageRow | null {
  const text = clean(row.textContent);
  if (!text || BOILERPLATE.some((pattern) => pattern.test(text))) return null;
  const sender = readSender(row);
  if (!sender) return null;

  const gift = readGift(row, sender);
  if (gift) return gift;

  const isSocial = row.matches(SOCIAL_MESSAGE) || row.querySelector(SOCIAL_MESSAGE) !== null;
  const comment = readCommentText(row);
  if (isSocial || !comment) {
    // The action text is what follows the name: "Ana followed the host".
    const action = text.startsWith(sender.name) ? text.slice(sender.name.length) : text;
    const match = SOCIAL_TEXT.find(([, pattern]) => pattern.test(action));
    return match ? { kind: match[0], sender } : null;
  }

  const emotes = Array.from(comment.querySelectorAll('img')).flatMap((img) => {
    const src = httpUrl(img.getAttribute('src'));
    if (!src) return [];
    const id =
      src.match(GIFT_IMAGE_HASH)?.[0] ?? src.split('/').pop()?.split(/[?~.]/)[0] ?? 'emote';
    return [{ id: id.slice(0, 64), imageUrl: src }];
  });
  const words = clean(comment.textContent);
  if (!words && emotes.length === 0) return null;
  return { kind: 'chat', sender, text: words, emotes };
}
