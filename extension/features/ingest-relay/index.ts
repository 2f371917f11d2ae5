/**
 * Registers the page-capture relay in the background worker: messages from the TikTok content
 * script go to the server's `/ingest` with the panel's pairing.
 */
import { browser } from 'wxt/browser';
import { createIdbStore } from '../../storage/idb-store';
import { createIngestRelay } from './ingest-relay';
import { PAGE_EVENTS, PAGE_STATUS, readPageMessage } from './page-messages';
import { openIngestSocket } from './socket-io-ingest';

export function registerIngestRelay(): void {
  const store = createIdbStore();
  const relay = createIngestRelay({
    readPairing: async () => (await store).getSetting('pairing'),
    openSocket: openIngestSocket,
  });
  browser.runtime.onMessage.addListener((message) => {
    const pageMessage = readPageMessage(message);
    if (pageMessage?.type === PAGE_EVENTS) relay.push(pageMessage.events);
    else if (pageMessage?.type === PAGE_STATUS) {
      const where = pageMessage.host ? `@${pageMessage.host}` : 'LIVE Center';
      relay.status({
        source: 'page',
        state: pageMessage.state,
        detail: pageMessage.detail ? `${where}: ${pageMessage.detail}` : where,
      });
    }
  });
}
