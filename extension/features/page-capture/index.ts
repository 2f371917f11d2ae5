/**
 * The page-capture feature as the content script runs it: read the TikTok LIVE page, forward
 * to the background worker, tear down through WXT's context.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageCapture } from './capture';
import { createPageForwarder } from './forward';

export function runPageCapture(ctx: ContentScriptContext): void {
  const forward = createPageForwarder();
  const capture = startPageCapture({
    document,
    location: window.location,
    signal: ctx.signal,
    emit: (events) => forward.events(events),
    onStop: (reason) =>
      forward.status({
        state: 'ended',
        host: capture.host,
        detail: reason === 'navigated' ? 'the page moved to another live' : 'capture stopped',
      }),
  });
  forward.status({ state: 'live', host: capture.host, detail: null });
  // TikTok is a single-page app: check at once when it changes the URL.
  ctx.addEventListener(window, 'wxt:locationchange', () => capture.tick());
}
