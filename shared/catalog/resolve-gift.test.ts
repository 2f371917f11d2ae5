import { describe, expect, it } from 'vitest';
import { findGift, GIFT_CATALOG } from './gift-catalog';
import { type PartialGiftInfo, type ResolvedGiftInfo, resolveGiftInfo } from './resolve-gift';

describe('gift catalog', () => {
  it('holds the known gifts with sane prices and unique ids', () => {
    expect(GIFT_CATALOG.length).toBeGreaterThan(50);
    const ids = GIFT_CATALOG.flatMap((g) => (g.id === null ? [] : [g.id]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const gift of GIFT_CATALOG) expect(gift.coins).toBeGreaterThan(0);
    expect(findGift({ name: 'Lion' })).toMatchObject({
      id: 6369,
      coins: 29_999,
      streakable: false,
    });
  });

  it.each([
    [{ id: 5655 }, 'Rose'],
    [{ name: ' galaxy ' }, 'Galaxy'],
    [{ id: 123_456_789, name: 'Rose' }, undefined], // another gift that shares a name
    [{ id: 123_456_789, name: 'Mishka Bear' }, 'Mishka Bear'], // catalog has no id for it
    [{ id: null, name: null }, undefined],
    [{ name: 'No such gift' }, undefined],
  ])('findGift(%o) is %s', (lookup, name) => {
    expect(findGift(lookup)?.name).toBe(name);
  });
});

describe('resolveGiftInfo', () => {
  const cases: Array<[string, PartialGiftInfo, Partial<ResolvedGiftInfo>]> = [
    [
      "the event's own name and price win",
      { id: 5655, name: 'Rose (promo)', coins: 2, type: 1 },
      { name: 'Rose (promo)', coins: 2, streakable: true, fromCatalog: [] },
    ],
    [
      'a missing name and price come from the catalog',
      { id: 11046 },
      {
        name: 'Galaxy',
        coins: 1_000,
        streakable: false,
        type: null,
        fromCatalog: ['name', 'coins', 'streakable'],
      },
    ],
    [
      'page capture knows only a name: id, price and streak hint filled',
      { name: 'rose', imageUrl: 'https://p16.tiktokcdn.com/img/a.png' },
      {
        id: 5655,
        name: 'rose',
        coins: 1,
        streakable: true,
        imageUrl: 'https://p16.tiktokcdn.com/img/a.png',
        fromCatalog: ['id', 'coins', 'streakable'],
      },
    ],
    [
      "the event's type decides streaking over the catalog's hint",
      { id: 5655, type: 2 },
      { streakable: false, type: 2, coins: 1 },
    ],
    [
      'an unknown gift keeps what it has and says so',
      { id: 42, name: '' },
      { id: 42, name: 'Gift #42', coins: null, streakable: null, fromCatalog: [] },
    ],
    ['nothing known at all', {}, { id: null, name: 'Unknown gift', coins: null }],
  ];

  it.each(cases)('%s', (_name, partial, expected) => {
    expect(resolveGiftInfo(partial)).toMatchObject(expected);
  });
});
