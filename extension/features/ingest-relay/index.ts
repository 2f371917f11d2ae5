/**
 * Registers the page-capture relay in the background worker: messages from the TikTok content
 * script go to the server's `/ingest` with the panel's pairing.
 */
import { browser } from 'wxt/browser';
import { createIdbStore } from '../../storage/idb-store';
import { createCaptureTabGate } from './capture-tab-gate';
import { createIngestRelay } from './ingest-relay';
import { PAGE_EVENTS, readPageMessage } from './page-messages';
import { openIngestSocket } from './socket-io-ingest';

export function registerIngestRelay(): void {
  const store = createIdbStore();
  const relay = createIngestRelay({
    readPairing: async () => (await store).getSetting('pairing'),
    openSocket: openIngestSocket,
  });
  const gate = createCaptureTabGate();
  browser.tabs?.onRemoved.addListener((tabId) => gate.closed(tabId));
  browser.runtime.onMessage.addListener((message, sender) => {
    const pageMessage = readPageMessage(message);
    const tabId = sender.tab?.id;
    if (!pageMessage || tabId === undefined) return;
    const kind = pageMessage.type === PAGE_EVENTS ? 'events' : pageMessage.state;
    if (!gate.admit(tabId, kind)) return;
    if (pageMessage.type === PAGE_EVENTS) relay.push(pageMessage.events);
    else {
      const where = pageMessage.host ? `@${pageMessage.host}` : 'LIVE Center';
      relay.status({
        source: 'page',
        state: pageMessage.state,
        detail: pageMessage.detail ? `${where}: ${pageMessage.detail}` : where,
      });
    }
  });
}
