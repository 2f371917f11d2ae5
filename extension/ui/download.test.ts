import { describe, expect, it } from 'vitest';
import { toCsv } from './download';

describe('toCsv', () => {
  it('quotes every field and keeps commas and quotes inside text', () => {
    expect(toCsv([{ brand: 'Acme, "Tea"', coins: 5 }])).toBe(
      '"brand","coins"\n"Acme, ""Tea""","5"',
    );
  });

  it('defuses spreadsheet formulas in text but keeps negative numbers', () => {
    expect(toCsv([{ a: '=HYPERLINK("x")', b: -3 }])).toBe('"a","b"\n"\'=HYPERLINK(""x"")","-3"');
  });

  it('unions the columns of all rows and flattens nested values as JSON', () => {
    expect(toCsv([{ a: 1 }, { b: { c: 2 } }])).toBe('"a","b"\n"1",""\n"","{""c"":2}"');
  });
});
