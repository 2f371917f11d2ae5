/**
 * Page capture: watches a TikTok LIVE page and reports what happens as LiveEvents (source
 * `page`). It skips the backlog present when it attaches, keeps up with the virtualised chat
 * list, re-attaches when TikTok re-renders the chat, and stops for good when the page moves to
 * another streamer's live (TikTok does that when a stream ends). Everything is torn down through
 * the AbortSignal (WXT's `ctx.signal`).
 */
import type { LiveEvent } from '../../../shared/events/live-event';
import { identifyGift, readGiftPanel } from './gift-panel';
import {
  giftFrameEvent,
  normalizeHandle,
  pageStreakId,
  rowEvent,
  viewersEvent,
} from './page-events';
import { parseAbbreviatedCount, readSigiViewerCount } from './parse-count';
import { type PageRow, type PageSender, readRow } from './read-row';
import { createRowMemory } from './row-memory';
import {
  chatRows,
  findChatContainer,
  LIVE_PAGE_PATH,
  STICKY_NOTICE,
  VIEWER_COUNT,
  VIRTUAL_ROW,
} from './selectors';
import { createStreakTracker, type StreakFrame } from './streak-tracker';

export interface PageCaptureOptions {
  document: Document;
  /** The page's location (read on every tick to notice TikTok moving to another live). */
  location: { pathname: string; hostname: string };
  signal: AbortSignal;
  /** Receives each batch of new events, in page order. */
  emit(events: LiveEvent[]): void;
  /** Called once when capture stops by itself (another live) or is aborted. */
  onStop?(reason: 'navigated' | 'aborted'): void;
  now?: () => number;
  /** How often streak ends, the viewer count and the URL are checked; ms. */
  tickMs?: number;
}

export interface PageCapture {
  /** The @handle of the live being read (null on LIVE Center). */
  readonly host: string | null;
  readonly attached: boolean;
  /** Runs the periodic checks now (tests; the entrypoint on WXT's location change). */
  tick(): void;
}

export function startPageCapture(options: PageCaptureOptions): PageCapture {
  const { document: doc, signal } = options;
  const now = options.now ?? (() => Date.now());
  const memory = createRowMemory();
  // Streaks of one sender and gift started within one id bucket are told apart by their order.
  const streakOrdinals = new Map<string, number>();
  const tracker = createStreakTracker({
    streakId: (sighting) => {
      const base = pageStreakId(sighting.sender, sighting.giftHash, sighting.at, 0);
      const ordinal = streakOrdinals.get(base) ?? 0;
      streakOrdinals.set(base, ordinal + 1);
      return ordinal === 0
        ? base
        : pageStreakId(sighting.sender, sighting.giftHash, sighting.at, ordinal);
    },
  });
  const host = options.location.pathname.match(LIVE_PAGE_PATH)?.[1]?.toLowerCase() ?? null;
  // Who sent a streak and what the gift is, by sender + gift hash, for the frames it produces.
  const giftContext = new Map<
    string,
    { sender: PageSender; imageUrl: string; name: string | null }
  >();
  let panel = readGiftPanel(doc);
  let container: Element | null = null;
  let chatObserver: MutationObserver | null = null;
  let sticky: Element | null = null;
  let backlogTopIndex = Number.NEGATIVE_INFINITY;
  let lastViewers: number | null = null;
  let stopped = false;

  /** Content of a row for keys: what it says, never its `×N`. */
  function contentOf(row: PageRow): string {
    const who = normalizeHandle(row.sender.handle);
    if (row.kind === 'chat') return `chat|${who}|${row.text}|${row.emotes.map((e) => e.id).join()}`;
    if (row.kind === 'gift') return `gift|${who}|${row.giftHash}`;
    return `${row.kind}|${who}`;
  }

  function giftEvents(frames: StreakFrame[]): LiveEvent[] {
    return frames.flatMap((frame) => {
      const context = giftContext.get(`${frame.sender}|${frame.giftHash}`);
      if (!context) return [];
      if (!panel.has(frame.giftHash)) panel = readGiftPanel(doc);
      const gift = identifyGift(frame.giftHash, context.name, panel);
      const event = giftFrameEvent(frame, context.sender, gift, context.imageUrl);
      return event ? [event] : [];
    });
  }

  /** Reads every row; `backlog` rows are remembered without being reported. */
  function scan(backlog: boolean) {
    if (!container || stopped) return;
    const at = now();
    const events: LiveEvent[] = [];
    for (const element of chatRows(container)) {
      const row = readRow(element);
      if (!row) continue;
      const content = contentOf(row);
      const key = memory.keyOf(element, content);
      const index = element.closest(VIRTUAL_ROW)?.getAttribute('data-index') ?? '';
      if (backlog && index !== '') backlogTopIndex = Math.max(backlogTopIndex, Number(index));
      // A virtual row at or below the backlog's top index is history scrolled back into view.
      const history = !backlog && index !== '' && Number(index) <= backlogTopIndex;
      if (row.kind === 'gift') {
        const sender = normalizeHandle(row.sender.handle);
        giftContext.set(`${sender}|${row.giftHash}`, {
          sender: row.sender,
          imageUrl: row.giftImageUrl,
          name: row.giftName,
        });
        const sighting = { sender, giftHash: row.giftHash, count: row.count, rowKey: key, at };
        // A backlog streak still growing is live; any other old gift row is history.
        if (backlog || (history && !tracker.isOpen(sighting))) tracker.prime(sighting);
        else events.push(...giftEvents(tracker.observe(sighting)));
        continue;
      }
      if (backlog || history) {
        memory.remember(key);
        continue;
      }
      if (memory.seen(key)) continue;
      const event = rowEvent(row, `${index}|${content}`, at);
      if (event) events.push(event);
    }
    if (events.length > 0) options.emit(events);
  }

  function attach(found: Element) {
    chatObserver?.disconnect();
    container = found;
    backlogTopIndex = Number.NEGATIVE_INFINITY;
    // Whatever the list shows on (re-)attach was there before us: the backlog.
    scan(true);
    chatObserver = new MutationObserver(() => scan(false));
    const watch = { childList: true, subtree: true, characterData: true };
    chatObserver.observe(found, watch);
    sticky = doc.querySelector(STICKY_NOTICE);
    if (sticky && !found.contains(sticky)) chatObserver.observe(sticky, watch);
  }

  function checkContainer() {
    if (stopped) return;
    if (container?.isConnected && (sticky?.isConnected ?? true)) return;
    const found = findChatContainer(doc);
    if (found) attach(found);
    else {
      chatObserver?.disconnect();
      container = null;
    }
  }

  function checkViewers() {
    const shown = doc.querySelector(VIEWER_COUNT);
    const count = shown ? parseAbbreviatedCount(shown.textContent) : readSigiViewerCount(doc);
    if (count === null || count === lastViewers) return;
    lastViewers = count;
    const event = viewersEvent(count, now());
    if (event) options.emit([event]);
  }

  function stop(reason: 'navigated' | 'aborted') {
    if (stopped) return;
    const ends = giftEvents(tracker.closeAll(now()));
    if (ends.length > 0) options.emit(ends);
    stopped = true;
    chatObserver?.disconnect();
    pageObserver.disconnect();
    clearInterval(timer);
    options.onStop?.(reason);
  }

  function tick() {
    if (stopped) return;
    const current = options.location.pathname.match(LIVE_PAGE_PATH)?.[1]?.toLowerCase() ?? null;
    if (host !== null && current !== host) {
      // TikTok scrolled to another streamer's live (the stream ended): never read their chat.
      stop('navigated');
      return;
    }
    checkContainer();
    const ends = giftEvents(tracker.advance(now()));
    if (ends.length > 0) options.emit(ends);
    checkViewers();
  }

  // The chat container is replaced when TikTok re-renders: watch the document for that.
  const pageObserver = new MutationObserver(checkContainer);
  pageObserver.observe(doc.documentElement, { childList: true, subtree: true });
  const timer = setInterval(tick, options.tickMs ?? 500);
  signal.addEventListener('abort', () => stop('aborted'), { once: true });
  checkContainer();
  checkViewers();

  return {
    host,
    get attached() {
      return container !== null && !stopped;
    },
    tick,
  };
}
