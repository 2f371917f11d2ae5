import { describe, expect, it } from 'vitest';
import { chatSegments } from '../../../shared/protocol/chat-segments';
import { graphemes } from '../../stage/text-fit';
import { type InlineOptions, layoutInline } from './inline-layout';

/** A monospace fake: every grapheme is 10 px wide. */
const mono = (text: string) => graphemes(text).length * 10;
const options: InlineOptions = {
  width: 100,
  emoteWidth: 30,
  maxRows: 3,
  maxGraphemes: 140,
  measure: mono,
};
const emote = (id: string, at: number) => ({ id, imageUrl: `https://e/${id}.png`, at });

/** Each row as text, emotes as [id], with the x each piece starts at. */
function rows(text: string, emotes: ReturnType<typeof emote>[], opts = options) {
  const layout = layoutInline(chatSegments(text, emotes), opts);
  const out: string[] = [];
  for (const piece of layout.pieces) {
    out[piece.row] =
      `${out[piece.row] ?? ''}${piece.x}:${piece.kind === 'text' ? piece.text : `[${piece.id}]`}|`;
  }
  return { rows: out, cut: layout.cut, count: layout.rows };
}

describe('inline chat layout', () => {
  it('draws each emote where the viewer put it, between text runs', () => {
    expect(rows('gg wp', [emote('fire', 3)])).toEqual({
      rows: ['0:gg |30:[fire]|60:wp|'],
      cut: false,
      count: 1,
    });
  });

  it('keeps text between emotes as one run per row', () => {
    const layout = layoutInline(chatSegments('a b c', [emote('x', 5)]), options);
    expect(layout.pieces.map((p) => p.kind)).toEqual(['text', 'emote']);
  });

  it('wraps whole words and emotes onto the next row', () => {
    expect(rows('hello there friend', [emote('wave', 18)]).rows).toEqual([
      '0:hello |',
      '0:there |',
      '0:friend|60:[wave]|',
    ]);
    expect(rows('abcdefgh', [emote('x', 8)]).rows).toEqual(['0:abcdefgh|', '0:[x]|']);
  });

  it('breaks a word wider than the row between graphemes', () => {
    expect(rows('🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥', []).rows).toEqual([
      '0:🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥|',
      '0:🔥🔥|',
    ]);
  });

  it('stops at the last row with an ellipsis, taking off what does not fit', () => {
    const long = rows('one two three four five six seven eight nine', [emote('x', 4)]);
    expect(long.cut).toBe(true);
    expect(long.count).toBe(3);
    expect(long.rows.at(-1)).toMatch(/…\|$/);
    const emotes = Array.from({ length: 12 }, (_, i) => emote(`e${i}`, 0));
    const stickers = rows('', emotes);
    expect(stickers.rows).toEqual([
      '0:[e0]|30:[e1]|60:[e2]|',
      '0:[e3]|30:[e4]|60:[e5]|',
      '0:[e6]|30:[e7]|60:[e8]|90:…|',
    ]);
  });

  it('counts characters and emotes against the cap', () => {
    const capped = layoutInline(chatSegments('abcdef', [emote('x', 3)]), {
      ...options,
      maxGraphemes: 5,
    });
    expect(capped.cut).toBe(true);
    expect(capped.pieces.map((p) => (p.kind === 'text' ? p.text : `[${p.id}]`))).toEqual([
      'abc',
      '[x]',
      'd…',
    ]);
  });

  it('renders control and bidi characters as spaces, never as layout', () => {
    expect(rows('a\n\u202eb', [emote('x', 0)]).rows).toEqual(['0:[x]|30:a b|']);
  });

  it('draws a line of emotes alone, and nothing for nothing', () => {
    expect(rows('', [emote('a', 0), emote('b', 0)]).rows).toEqual(['0:[a]|30:[b]|']);
    expect(layoutInline([], options)).toEqual({ pieces: [], rows: 0, cut: false });
  });
});
