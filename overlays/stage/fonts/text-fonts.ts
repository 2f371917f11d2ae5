/**
 * Keeps every Text on the stage drawn in the bundled fonts. Text is drawn at once, in whatever
 * font is loaded (an alert must be on screen within a frame of arriving); when a name needs a
 * file not loaded yet (a CJK chunk, the emoji font) it is fetched, and once it is in, the texts
 * are drawn again, re-fitted to their width (label.ts), and baked cards re-baked (bake.ts).
 */
import { CanvasTextMetrics, type Container, Text } from 'pixi.js';
import { refitLabel } from '../label';
import type { BundledFonts } from './bundled-fonts';
import { BUNDLED_FAMILIES, familiesFor } from './families';

export class TextFonts {
  /** The text each node had when last looked at: only new text is checked. */
  private readonly seen = new WeakMap<Text, string>();

  /** `redrawn` runs after texts were drawn again (the stage then draws a frame). */
  constructor(
    private readonly stage: Container,
    private readonly fonts: BundledFonts,
    private readonly redrawn: () => void,
  ) {}

  /**
   * Looks at text that is new since the last scan: asks the bundled families in the order its
   * script wants (families.ts), and fetches the files it needs. Call after the scene changed.
   */
  scan(): void {
    const wanted: Array<{ text: string; families: readonly string[] }> = [];
    forEachText(this.stage, (text) => {
      if (this.seen.get(text) === text.text) return;
      this.seen.set(text, text.text);
      const families = familiesFor(text.text);
      orderFamilies(text, families);
      if (this.fonts.needsLoading(text.text, families)) wanted.push({ text: text.text, families });
    });
    if (wanted.length === 0) return;
    void Promise.all(wanted.map(({ text, families }) => this.fonts.load(text, families))).then(
      (loaded) => {
        if (loaded.includes(true)) this.redraw();
      },
    );
  }

  /** Draws again every text that is not plain ASCII (which the first font, loaded at boot, draws). */
  private redraw(): void {
    CanvasTextMetrics.clearMetrics();
    forEachText(this.stage, (text) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the point
      if (/^[\u0000-\u007f]*$/.test(text.text)) return;
      // A new style key: Pixi renders the text anew instead of reusing its texture.
      text.style.update();
      refitLabel(text);
    });
    rebake(this.stage);
    this.redrawn();
  }
}

const unquoted = (family: string) => family.trim().replace(/^["']|["']$/g, '');

/** Puts the bundled families first in `families`' order, the machine's own after them. */
function orderFamilies(text: Text, families: readonly string[]): void {
  const current = text.style.fontFamily;
  const names = (Array.isArray(current) ? current : current.split(',')).map(unquoted);
  const wanted = [...families, ...names.filter((name) => !BUNDLED_FAMILIES.includes(name))];
  // Pixi quotes the names in place when it builds the font string: compare them unquoted.
  if (wanted.join(',') !== names.join(',')) text.style.fontFamily = wanted;
}

function forEachText(node: Container, visit: (text: Text) => void): void {
  if (node instanceof Text) visit(node);
  for (const child of node.children) forEachText(child, visit);
}

/** Baked containers hold the old drawing of their texts: bake them again. */
function rebake(node: Container): void {
  if (node.isCachedAsTexture) node.updateCacheTexture();
  for (const child of node.children) rebake(child);
}
