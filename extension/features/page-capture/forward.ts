/**
 * Sends what the page reader found to the background worker, which relays it to the server.
 * Events of one turn are sent as one message; a message that cannot be delivered (the extension
 * was reloaded and this content script is orphaned) stops nothing on the page.
 */
import { browser } from 'wxt/browser';
import type { LiveEvent } from '../../../shared/events/live-event';
import {
  PAGE_EVENTS,
  PAGE_STATUS,
  type PageMessage,
  type PageStatusMessage,
} from '../ingest-relay/page-messages';

export interface PageForwarder {
  events(events: LiveEvent[]): void;
  status(status: Omit<PageStatusMessage, 'type'>): void;
}

export function createPageForwarder(
  send: (message: PageMessage) => Promise<unknown> = sendToBackground,
): PageForwarder {
  let pending: LiveEvent[] = [];
  const flush = () => {
    const events = pending;
    pending = [];
    if (events.length > 0) send({ type: PAGE_EVENTS, events }).catch(() => {});
  };
  return {
    events(events) {
      if (pending.length === 0) queueMicrotask(flush);
      pending.push(...events);
    },
    status(status) {
      flush();
      send({ type: PAGE_STATUS, ...status }).catch(() => {});
    },
  };
}

function sendToBackground(message: PageMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
