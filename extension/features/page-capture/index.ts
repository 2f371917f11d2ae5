/**
 * The page-capture feature as the content script runs it: read the TikTok LIVE page, forward
 * to the background worker, tear down when the content script's context ends.
 */
import { startPageCapture } from './capture';
import { createPageForwarder } from './forward';

/**
 * What page capture needs of WXT's content-script context (the entrypoint passes it in): its
 * lifetime, and its event for the single-page app's URL changes. Kept to these two so this
 * feature is checked without WXT's build-time types, which bring Node's along.
 */
export interface CaptureContext {
  /** Aborted when the extension reloads or the content script is torn down. */
  signal: AbortSignal;
  /** Calls `listener` when the page changes its URL without loading (`wxt:locationchange`). */
  onLocationChange(listener: () => void): void;
}

export function runPageCapture(ctx: CaptureContext): void {
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
  ctx.onLocationChange(() => capture.tick());
}
