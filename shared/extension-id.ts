/**
 * The Chrome extension id, pinned by the public key in wxt.config.ts. The server admits the
 * `chrome-extension://` origin with this id (and Firefox's `moz-extension://` origins, whose
 * host is random per install) alongside its own pages.
 */
export const CHROME_EXTENSION_ID = 'ijojiiebaapenjjpcmedgjjmegjdjjjm';
export const FIREFOX_EXTENSION_ID = 'limelight@limelight.local';
