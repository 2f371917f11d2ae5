import { describe, expect, it } from 'vitest';
import { chatSegments } from './chat-segments';

const emote = (id: string, at: number | null) => ({ id, imageUrl: `https://e/${id}.png`, at });
const shape = (segments: ReturnType<typeof chatSegments>) =>
  segments.map((s) => (s.kind === 'text' ? s.text : `[${s.id}]`)).join('');

describe('chatSegments', () => {
  it('puts each emote at its insertion index, in reading order', () => {
    const segments = chatSegments('hi there', [emote('b', 8), emote('a', 2)]);
    expect(segments).toEqual([
      { kind: 'text', text: 'hi' },
      { kind: 'emote', id: 'a', imageUrl: 'https://e/a.png' },
      { kind: 'text', text: ' there' },
      { kind: 'emote', id: 'b', imageUrl: 'https://e/b.png' },
    ]);
  });

  it.each([
    ['emotes alone', '', [emote('x', 0), emote('y', 0)], '[x][y]'],
    ['an emote first', 'gg', [emote('x', 0)], '[x]gg'],
    [
      'a place past the end, or unknown, goes last',
      'gg',
      [emote('x', 99), emote('y', null)],
      'gg[x][y]',
    ],
    ['a negative place is the start', 'gg', [emote('x', -4)], '[x]gg'],
    ['same place keeps the given order', 'ab', [emote('x', 1), emote('y', 1)], 'a[x][y]b'],
    ['never inside a surrogate pair', 'a🔥b', [emote('x', 2)], 'a🔥[x]b'],
    ['no emotes: the text as one run', 'plain <b>text</b>', [], 'plain <b>text</b>'],
  ])('%s', (_name, text, emotes, expected) => {
    expect(shape(chatSegments(text, emotes))).toBe(expected);
  });

  it('reads a line with no text and no emotes as nothing', () => {
    expect(chatSegments('', [])).toEqual([]);
  });
});
