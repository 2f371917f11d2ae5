import { describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES, familiesFor } from './families';

const cjk = (text: string) => familiesFor(text).slice(2);

describe('bundled font order', () => {
  it('asks Latin first, then emoji, for any text', () => {
    for (const text of ['Ana 🌹', 'Kenji 健二', '李小龙', '김민준', 'Ёлка']) {
      expect(familiesFor(text).slice(0, 2)).toEqual(['Inter Variable', 'Limelight Emoji']);
    }
  });

  it('draws Han in the forms of the language the name is in', () => {
    expect(cjk('けんじ 健二')).toEqual([
      'Noto Sans JP Variable',
      'Noto Sans SC Variable',
      'Noto Sans KR Variable',
    ]);
    expect(cjk('Leo 李小龙')).toEqual([
      'Noto Sans SC Variable',
      'Noto Sans JP Variable',
      'Noto Sans KR Variable',
    ]);
    expect(cjk('김 金')).toEqual([
      'Noto Sans KR Variable',
      'Noto Sans JP Variable',
      'Noto Sans SC Variable',
    ]);
    expect(familiesFor('Ana 🌹')).toBe(BUNDLED_FAMILIES);
  });
});
