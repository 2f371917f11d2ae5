/**
 * Lays out a chat message of text and emotes in rows, as TikTok shows it: each emote where the
 * viewer put it, words wrapped whole (a word wider than the row breaks between graphemes), at
 * most `maxRows` rows, cut with an ellipsis. Text runs between emotes on one row stay one
 * piece, so a line costs one Pixi Text per run, not per word. Pure: the width measure is
 * injected (Pixi's text metrics in the page, a fake in tests).
 */
import type { ChatSegment } from '../../../shared/protocol/chat-segments';
import { cleanLine, ELLIPSIS, graphemes, type MeasureWidth } from '../../stage/text-fit';

export interface InlineOptions {
  /** Row width, design pixels. */
  width: number;
  /** Width one emote takes on its row, its margins included. */
  emoteWidth: number;
  maxRows: number;
  /** Characters kept at most (graphemes; an emote counts as one). */
  maxGraphemes: number;
  measure: MeasureWidth;
}

/** One piece of a laid out line, `x` from the row's start. */
export type InlinePiece =
  | { kind: 'text'; text: string; x: number; row: number }
  | { kind: 'emote'; id: string; imageUrl: string; x: number; row: number };

export interface InlineLayout {
  pieces: InlinePiece[];
  rows: number;
  /** True when the message did not fit (characters or rows) and ends with an ellipsis. */
  cut: boolean;
}

type Token = { kind: 'word' | 'space'; text: string } | (ChatSegment & { kind: 'emote' });

export function layoutInline(
  segments: readonly ChatSegment[],
  options: InlineOptions,
): InlineLayout {
  const { tokens, cut: tooLong } = tokenize(segments, options.maxGraphemes);
  const pieces: InlinePiece[] = [];
  let row = 0;
  let x = 0;
  let run: Extract<InlinePiece, { kind: 'text' }> | null = null;
  let cut = tooLong;

  const newRow = (): boolean => {
    if (row + 1 >= options.maxRows) return false;
    row += 1;
    x = 0;
    run = null;
    return true;
  };
  const addText = (text: string) => {
    if (!run) {
      run = { kind: 'text', text: '', x, row };
      pieces.push(run);
    }
    run.text += text;
    x = run.x + options.measure(run.text);
  };

  placing: for (const token of tokens) {
    if (token.kind === 'space') {
      if (x > 0) addText(token.text);
      continue;
    }
    if (token.kind === 'emote') {
      if (x > 0 && x + options.emoteWidth > options.width && !newRow()) {
        cut = true;
        break;
      }
      pieces.push({ kind: 'emote', id: token.id, imageUrl: token.imageUrl, x, row });
      run = null;
      x += options.emoteWidth;
      continue;
    }
    let word = token.text;
    while (word) {
      const width = options.measure(word);
      if (x + width <= options.width) {
        addText(word);
        break;
      }
      if (x > 0 && width <= options.width) {
        if (!newRow()) {
          cut = true;
          break placing;
        }
        continue;
      }
      // Wider than what is left of the row: as many graphemes as fit here, the rest below.
      const parts = graphemes(word);
      let fits = 0;
      while (
        fits < parts.length &&
        x + options.measure(parts.slice(0, fits + 1).join('')) <= options.width
      ) {
        fits += 1;
      }
      if (fits > 0) addText(parts.slice(0, fits).join(''));
      word = parts.slice(fits).join('');
      if (!newRow()) {
        cut = true;
        break placing;
      }
    }
  }
  if (cut) endWithEllipsis(pieces, options);
  const rows = pieces.length === 0 ? 0 : Math.max(...pieces.map((piece) => piece.row)) + 1;
  return { pieces, rows, cut };
}

/** Words, single spaces and emotes, cleaned of control characters, cut at `maxGraphemes`. */
function tokenize(
  segments: readonly ChatSegment[],
  maxGraphemes: number,
): { tokens: Token[]; cut: boolean } {
  const tokens: Token[] = [];
  let budget = maxGraphemes;
  for (const segment of segments) {
    if (segment.kind === 'emote') {
      if (budget <= 0) return { tokens, cut: true };
      tokens.push(segment);
      budget -= 1;
      continue;
    }
    // One clean line, but the spaces that part text from an emote stay.
    const lead = /^\s/.test(segment.text) ? ' ' : '';
    const trail = /\s$/.test(segment.text) ? ' ' : '';
    const clean = `${lead}${cleanLine(segment.text)}${trail}`.replace(/ {2,}/g, ' ');
    for (const part of clean.split(/( )/)) {
      if (!part) continue;
      const kept = graphemes(part);
      if (kept.length > budget) {
        if (budget > 0) tokens.push({ kind: 'word', text: kept.slice(0, budget).join('') });
        return { tokens, cut: true };
      }
      budget -= kept.length;
      tokens.push({ kind: part === ' ' ? 'space' : 'word', text: part });
    }
  }
  return { tokens, cut: false };
}

/** Ends the last row with "…", taking characters or emotes off its end until it fits. */
function endWithEllipsis(pieces: InlinePiece[], options: InlineOptions): void {
  const ellipsis = options.measure(ELLIPSIS);
  for (;;) {
    const last = pieces.at(-1);
    if (!last) {
      pieces.push({ kind: 'text', text: ELLIPSIS, x: 0, row: 0 });
      return;
    }
    const end =
      last.kind === 'emote' ? last.x + options.emoteWidth : last.x + options.measure(last.text);
    if (last.kind === 'text') {
      const trimmed = last.text.trimEnd();
      if (last.x + options.measure(trimmed) + ellipsis <= options.width) {
        last.text = `${trimmed}${ELLIPSIS}`;
        return;
      }
      const parts = graphemes(trimmed);
      if (parts.length > 1) last.text = parts.slice(0, -1).join('');
      else pieces.pop();
      continue;
    }
    if (end + ellipsis <= options.width) {
      pieces.push({ kind: 'text', text: ELLIPSIS, x: end, row: last.row });
      return;
    }
    pieces.pop();
  }
}
