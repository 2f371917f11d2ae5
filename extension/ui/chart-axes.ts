/**
 * Labels of the panel's charts: compact tick values (`20K`, not `20,000` cut to `20,00` by a
 * fixed axis width), axes as wide as their longest label, and a legend that shows the latest
 * point when the cursor is off the chart (uPlot shows `--` there). Pure except `axisWidth`,
 * which measures with the chart's own canvas.
 */
import type uPlot from 'uplot';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A tick or legend value: `950`, `1.2K`, `20K`, `3.4M`. */
export const compactValue = (value: number): string =>
  Math.abs(value) < 10_000 ? whole.format(value) : compact.format(value);

/** The legend's value: the hovered point, else the newest one; `—` when there is none. */
export function legendValue(values: ArrayLike<number | null | undefined>, idx: number | null) {
  const value = values[idx ?? values.length - 1];
  return value === null || value === undefined ? '—' : compactValue(value);
}

/** CSS px a y axis needs for its widest label, its ticks and gap (uPlot's `axis.size`). */
export function axisWidth(chart: uPlot, values: readonly string[] | null, axisIdx: number) {
  const axis = chart.axes[axisIdx];
  // uPlot keeps the axis font as [css font, px size] once built (its types say string).
  const font = (axis?.font as unknown as [string, number] | undefined)?.[0];
  const ticks = (axis?.ticks as { size?: number } | undefined)?.size ?? 10;
  const gap = axis?.gap ?? 5;
  let widest = 0;
  if (font) chart.ctx.font = font;
  for (const value of values ?? []) widest = Math.max(widest, chart.ctx.measureText(value).width);
  // The canvas is scaled by the device pixel ratio; its text metrics are in canvas px.
  return Math.ceil(ticks + gap + widest / (window.devicePixelRatio || 1) + 4);
}
