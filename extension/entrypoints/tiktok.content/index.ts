import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageCapture } from '../../features/page-capture';

// TikTok LIVE viewer pages and the streamer's LIVE Center (docs/tiktok-input.md).
export default defineContentScript({
  matches: ['*://www.tiktok.com/*live*', 'https://livecenter.tiktok.com/*'],
  runAt: 'document_idle',
  main: (ctx) =>
    runPageCapture({
      signal: ctx.signal,
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    }),
});
