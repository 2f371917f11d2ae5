/**
 * One tab captures at a time. Two tabs on the same live (or the viewer page and LIVE Center's
 * chat) would report every gift twice under different page ids, and one source's two reports of
 * a streak are two streaks to the ledger. The first tab whose reader speaks is the one relayed;
 * the others are ignored until it stops (its stream ended, it navigated away, it was closed).
 */
export type TabMessage = 'events' | 'live' | 'waiting' | 'ended';

export interface CaptureTabGate {
  /** Whether this tab's message is relayed; a free slot goes to the tab that speaks first. */
  admit(tabId: number, message: TabMessage): boolean;
  closed(tabId: number): void;
  readonly activeTab: number | null;
}

export function createCaptureTabGate(): CaptureTabGate {
  let active: number | null = null;
  return {
    admit(tabId, message) {
      if (message === 'ended') {
        // The capturing tab's last word is relayed, then the slot is free.
        if (active !== tabId) return false;
        active = null;
        return true;
      }
      active ??= tabId;
      return active === tabId;
    },
    closed(tabId) {
      if (active === tabId) active = null;
    },
    get activeTab() {
      return active;
    },
  };
}
