/**
 * Every string on screen is a Pixi `Text` made here: viewer text is cleaned and fitted to its
 * width with an ellipsis (text-fit.ts), never parsed as markup.
 */
import { CanvasTextMetrics, Text, TextStyle, type TextStyleFontWeight } from 'pixi.js';
import { fitToWidth } from './text-fit';
import type { Theme } from './theme';

export interface LabelOptions {
  text: string;
  size: number;
  color?: number;
  weight?: TextStyleFontWeight;
  /** Design-pixel width the text must fit in; longer text ends with "…". */
  maxWidth?: number;
  /** Anchor, 0–1 on both axes. */
  anchor?: number | { x: number; y: number };
  /** A soft shadow keeps text readable over any stream background. */
  shadow?: boolean;
}

export function labelStyle(theme: Theme, options: LabelOptions): TextStyle {
  return new TextStyle({
    fontFamily: theme.fontFamily,
    fontSize: options.size,
    fontWeight: options.weight ?? '600',
    fill: options.color ?? theme.text,
    padding: 4,
    dropShadow: options.shadow
      ? { color: 0x000000, alpha: 0.55, blur: 4, distance: 2, angle: Math.PI / 2 }
      : undefined,
  });
}

/** A one-line label; `maxWidth` cuts it to fit. */
export function makeLabel(theme: Theme, options: LabelOptions): Text {
  const style = labelStyle(theme, options);
  const label = new Text({ text: '', style, anchor: options.anchor ?? 0 });
  setLabelText(label, options.text, options.maxWidth);
  return label;
}

/** What a fitted label was asked to show, so it can be fitted again once its font loads. */
const fittedLabels = new WeakMap<Text, { text: string; maxWidth: number }>();

/** Sets a label's text, fitted to `maxWidth` in its own style; skips work when unchanged. */
export function setLabelText(label: Text, text: string, maxWidth?: number): void {
  if (maxWidth === undefined) fittedLabels.delete(label);
  else fittedLabels.set(label, { text, maxWidth });
  const fitted =
    maxWidth === undefined
      ? text
      : fitToWidth(text, maxWidth, (candidate) => {
          return CanvasTextMetrics.measureText(candidate, label.style).width;
        });
  if (label.text !== fitted) label.text = fitted;
}

/**
 * Fits a label again to the width it was given (its font changed: the bundled font for its
 * script finished loading, fonts/text-fonts.ts); labels without a width are left as they are.
 */
export function refitLabel(label: Text): void {
  const wanted = fittedLabels.get(label);
  if (wanted) setLabelText(label, wanted.text, wanted.maxWidth);
}
