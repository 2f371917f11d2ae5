import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { axisWidth, compactValue, legendValue } from './chart-axes';

describe('chart labels', () => {
  it('writes tick values compactly, so a coins axis never needs "20,000"', () => {
    expect([0, 950, 1234, 9999, 20_000, 125_000, 3_400_000].map(compactValue)).toEqual([
      '0',
      '950',
      '1,234',
      '9,999',
      '20K',
      '125K',
      '3.4M',
    ]);
  });

  it('shows the newest point in the legend when nothing is hovered, never "--"', () => {
    expect(legendValue([1, 5, 20_000], null)).toBe('20K');
    expect(legendValue([1, 5, 20_000], 1)).toBe('5');
    expect(legendValue([], null)).toBe('—');
  });

  it('makes an axis as wide as its widest label plus ticks and gap', () => {
    const widths: Record<string, number> = { '5': 7, '20K': 24 };
    const chart = {
      axes: [{}, { font: ['12px sans-serif', 12], ticks: { size: 10 }, gap: 5 }],
      ctx: {
        font: '',
        measureText: (text: string) => ({ width: widths[text] ?? 0 }),
      },
    } as unknown as uPlot;
    expect(axisWidth(chart, ['5', '20K'], 1)).toBe(Math.ceil(10 + 5 + 24 / devicePixelRatio + 4));
    expect(chart.ctx.font).toBe('12px sans-serif');
  });
});
