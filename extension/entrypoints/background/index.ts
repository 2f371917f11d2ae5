import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerIngestRelay } from '../../features/ingest-relay';

// Chrome opens the side panel from the toolbar button; Firefox shows the sidebar on its own.
export default defineBackground(() => {
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  registerIngestRelay();
});
