/**
 * The Japanese, Chinese and Korean face lists, in a chunk of their own that bundled-fonts.ts
 * imports only when a CJK character is to be drawn. Each list names ~100 files of a few dozen KB
 * by `unicode-range`; only the files a name needs are fetched.
 */
import '@fontsource-variable/noto-sans-jp/wght.css';
import '@fontsource-variable/noto-sans-sc/wght.css';
import '@fontsource-variable/noto-sans-kr/wght.css';

/** Imported for its face lists; this names what it brings. */
export const CJK_LOADED = true;
