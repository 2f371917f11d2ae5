/**
 * Fonts bundled with the overlays, so names in any script and emoji look the same on every
 * machine (a streamer's PC may lack a Japanese font, and emoji differ between Windows, macOS and
 * Linux): Inter for Latin, Greek, Cyrillic and Vietnamese; Twemoji (a COLR font) for emoji;
 * Noto Sans JP, SC and KR for Japanese, Chinese and Korean. Each family is split by
 * `unicode-range` into small files and a page loads only the files its text needs: the CJK
 * families' face lists (≈300 KB of CSS) load only once a CJK character shows up.
 */
import '@fontsource-variable/inter/wght.css';
import emojiFontUrl from 'twemoji-colr-font/twemoji.woff2?url';
import { EMOJI_UNICODE_RANGE } from './emoji-range';
import { BUNDLED_FAMILIES, EMOJI_FAMILY } from './families';
import { type CodePointRanges, parseUnicodeRange, rangesCover } from './unicode-ranges';

/** Han, kana, hangul, CJK symbols and full-width forms, and the supplementary ideographs. */
const CJK_TEXT =
  /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/;

interface BundledFace {
  family: string;
  face: FontFace;
  ranges: CodePointRanges;
}

/** What the test hook reports: files loaded per family, loads under way, failures. */
export interface FontsReport {
  loaded: Record<string, number>;
  pending: number;
  failed: number;
}

export class BundledFonts {
  private faces: BundledFace[] | null = null;
  /** Per family order: the face that draws each code point (null: none of ours), once looked up. */
  private readonly faceOf = new Map<string, Map<number, FontFace | null>>();
  private cjk: Promise<void> | null = null;
  private pending = 0;
  private failed = 0;

  constructor(private readonly set: FontFaceSet = document.fonts) {
    set.add(
      new FontFace(EMOJI_FAMILY, `url(${emojiFontUrl}) format('woff2')`, {
        unicodeRange: EMOJI_UNICODE_RANGE,
        display: 'swap',
      }),
    );
  }

  /**
   * Whether drawing `text` would use a bundled file that is not loaded yet, asking the bundled
   * `families` in this order (families.ts `familiesFor`).
   */
  needsLoading(text: string, families: readonly string[] = BUNDLED_FAMILIES): boolean {
    if (this.cjk === null && CJK_TEXT.test(text)) return true;
    return this.missingFaces(text, families).length > 0;
  }

  /**
   * Loads the files `text` needs (the CJK face lists first when it has CJK characters). Resolves
   * to true when something new loaded, so text drawn before must be drawn again.
   */
  async load(text: string, families: readonly string[] = BUNDLED_FAMILIES): Promise<boolean> {
    // Pending from the first moment: while the CJK face lists are fetched no file is loading
    // yet, but the text is not drawn in its font either (tests wait for pending to reach 0).
    this.pending += 1;
    try {
      if (CJK_TEXT.test(text)) await this.loadCjk();
      const missing = this.missingFaces(text, families);
      if (missing.length === 0) return false;
      const results = await Promise.allSettled(missing.map((face) => face.load()));
      this.failed += results.filter((result) => result.status === 'rejected').length;
      return results.some((result) => result.status === 'fulfilled');
    } finally {
      this.pending -= 1;
    }
  }

  report(): FontsReport {
    const loaded: Record<string, number> = {};
    for (const { family, face } of this.bundledFaces()) {
      if (face.status === 'loaded') loaded[family] = (loaded[family] ?? 0) + 1;
    }
    return { loaded, pending: this.pending, failed: this.failed };
  }

  private missingFaces(text: string, families: readonly string[]): FontFace[] {
    const missing = new Set<FontFace>();
    for (const character of text) {
      const face = this.faceFor(character.codePointAt(0) ?? 0, families);
      if (face && face.status !== 'loaded' && face.status !== 'error') missing.add(face);
    }
    return [...missing];
  }

  /** The first bundled face, in family order, whose range holds the code point. */
  private faceFor(codePoint: number, families: readonly string[]): FontFace | null {
    const orderKey = families.join(',');
    let faces = this.faceOf.get(orderKey);
    if (!faces) {
      faces = new Map();
      this.faceOf.set(orderKey, faces);
    }
    const known = faces.get(codePoint);
    if (known !== undefined) return known;
    let found: FontFace | null = null;
    for (const family of families) {
      const face = this.bundledFaces().find(
        (candidate) => candidate.family === family && rangesCover(candidate.ranges, codePoint),
      );
      if (face) {
        found = face.face;
        break;
      }
    }
    faces.set(codePoint, found);
    return found;
  }

  private bundledFaces(): BundledFace[] {
    if (this.faces) return this.faces;
    const faces: BundledFace[] = [];
    this.set.forEach((face) => {
      const family = face.family.replace(/^["']|["']$/g, '');
      if ((BUNDLED_FAMILIES as readonly string[]).includes(family)) {
        faces.push({ family, face, ranges: parseUnicodeRange(face.unicodeRange) });
      }
    });
    this.faces = faces;
    return faces;
  }

  private loadCjk(): Promise<void> {
    this.cjk ??= import('./cjk-fonts').then(
      () => {
        // New faces joined the set: look everything up again.
        this.faces = null;
        this.faceOf.clear();
      },
      () => {
        this.failed += 1;
      },
    );
    return this.cjk;
  }
}
