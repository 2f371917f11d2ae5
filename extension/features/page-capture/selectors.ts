/**
 * EVERY TikTok page selector Limelight uses, and nothing else. TikTok changes its markup often:
 * when capture breaks, this is the one file to fix, and `tests/fixtures/tiktok-pages/*.html` are
 * the pages that prove each selector (docs/tiktok-page.md says where they come from).
 * Class names are matched by substring because TikTok's are generated (`css-1x2y-DivComment`).
 */

/** The chat list, first match wins (live page, LIVE Center, older layouts). */
export const CHAT_CONTAINER = [
  '[data-e2e="chat-room"]',
  '[class*="DivChatRoomContent"]',
  '.live-shared-ui-chat-list-scrolling-list',
] as const;
/** When no container matches: the parent of the first chat row, else these slots. */
export const CHAT_CONTAINER_FALLBACK = [
  '[data-e2e="live-chat-container"]',
  '[data-e2e="public-screen-live-chat-slot"]',
] as const;

/** A row of a virtualised list; `data-index="-1"` is a spacer. */
export const VIRTUAL_ROW = 'div[data-index]';
export const VIRTUAL_SPACER_INDEX = '-1';

/** A chat message row. */
export const CHAT_MESSAGE = '[data-e2e="chat-message"]';
/** A system row (joins, follows, likes, shares). */
export const SOCIAL_MESSAGE = '[data-e2e="social-message"]';
/** The sticky notice area that also shows joins, follows, likes and shares. */
export const STICKY_NOTICE = '[class*="DivBottomStickyMessageContainer"]';

/** The sender's name (text, else its `title`). */
export const OWNER_NAME = '[data-e2e="message-owner-name"]';
/** A link to the sender's profile, when the layout has one: `/@handle`. */
export const PROFILE_LINK = 'a[href*="/@"]';
/** The message text, in the layouts TikTok has shipped. */
export const COMMENT_TEXT = [
  '[class*="-DivComment"]',
  '.live-shared-ui-chat-list-chat-message-comment',
] as const;
/** Older layout: the text is the element after the user info block. */
export const USER_INFO = '[class*="-DivUserInfo"]';

/** Badge images: role is in the `src`. */
export const BADGE_IMAGE =
  'img[class*="ImgBadgeChatMessage"], img[class*="ImgCombineBadgeIcon"], img[src*="_badge_"]';
export const BADGE_SRC = {
  moderator: /\/moderator_/,
  subscriber: /\/subs?_/,
  gifterLevel: /\/grade_/,
} as const;

/** Gift rows: a marked row, or any row with a TikTok CDN image followed by `×N`. */
export const GIFT_MESSAGE = '[class*="DivGiftMessage"]';
export const GIFT_COUNT = '[class*="SpanGiftCount"]';
export const GIFT_IMAGE = 'img[src*="tiktokcdn.com/img/"], img[src*="tiktokcdn-us.com/img/"]';
/** `×5`, `x5`, `X 5`. */
export const GIFT_COUNT_TEXT = /[×xX]\s?(\d{1,6})\b/;
/** In unmarked rows the text after the gift picture is the count and nothing else. */
export const GIFT_COUNT_ONLY = /^[×xX]\s?(\d{1,6})$/;
/** TikTok's CDN names gift pictures by a 32-hex-digit hash: the gift's identity on the page. */
export const GIFT_IMAGE_HASH = /[0-9a-f]{32}/i;

/**
 * The gift panel (the viewer's "send a gift" drawer): each item has the gift's picture, name and
 * coin price. Not in docs/tiktok-page.md's observed facts beyond "image next to its price": these
 * selectors are the project's best guess, proven only by the fixture pages.
 */
export const GIFT_PANEL_ITEM = '[data-e2e="gift-item"], [class*="DivGiftItem"]';
export const GIFT_PANEL_NAME = '[data-e2e="gift-name"], [class*="GiftName"]';
export const GIFT_PANEL_PRICE = '[data-e2e="gift-price"], [class*="GiftPrice"], [class*="Price"]';

/** The viewer count ("1.2K"). */
export const VIEWER_COUNT = '[data-e2e="live-people-count"]';
/** Fallback: the page's state JSON. */
export const SIGI_STATE_SCRIPT = 'script#SIGI_STATE';

/** Localized system-row texts, English only for now: first match wins. */
export const SOCIAL_TEXT: ReadonlyArray<[kind: 'join' | 'follow' | 'like' | 'share', RegExp]> = [
  ['follow', /\bfollowed\b/i],
  ['share', /\bshared\b/i],
  ['like', /\bliked\b/i],
  ['join', /\bjoined\b/i],
];
/** Boilerplate rows that are nobody's action. */
export const BOILERPLATE = [
  /^welcome to tiktok live/i,
  /some comments in this live were filtered/i,
];

/** Viewer pages: `/@handle/live`. LIVE Center has no handle in its path. */
export const LIVE_PAGE_PATH = /^\/@([\w.]+)\/live\b/;

/** The first element matching any selector, in order. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** The chat list container on this page, or null while it is not rendered. */
export function findChatContainer(root: ParentNode): Element | null {
  const direct = queryFirst(root, CHAT_CONTAINER);
  if (direct) return direct;
  const firstRow = root.querySelector(CHAT_MESSAGE);
  if (firstRow?.parentElement) {
    // A virtualised row's parent is the row wrapper: the list is one level up.
    const wrapper = firstRow.closest(VIRTUAL_ROW);
    return (wrapper ?? firstRow).parentElement;
  }
  return queryFirst(root, CHAT_CONTAINER_FALLBACK);
}

/**
 * The rows to read: the chat list's rows (virtual rows when the list is virtualised, else message
 * rows), then the sticky notice's (it shows the latest join or follow in place).
 */
export function chatRows(container: Element): Element[] {
  const rows = listRows(container);
  const sticky = container.ownerDocument.querySelector(STICKY_NOTICE);
  const stickyRows = sticky
    ? Array.from(sticky.children).filter((child) => !rows.some((row) => row.contains(child)))
    : [];
  return [...rows, ...stickyRows];
}

function listRows(container: Element): Element[] {
  const virtual = Array.from(container.querySelectorAll(VIRTUAL_ROW)).filter(
    (row) => row.getAttribute('data-index') !== VIRTUAL_SPACER_INDEX,
  );
  if (virtual.length > 0) return virtual;
  return Array.from(
    container.querySelectorAll(`${CHAT_MESSAGE}, ${SOCIAL_MESSAGE}, ${GIFT_MESSAGE}`),
  ).filter(
    (row) => !row.parentElement?.closest(`${CHAT_MESSAGE}, ${SOCIAL_MESSAGE}, ${GIFT_MESSAGE}`),
  );
}
