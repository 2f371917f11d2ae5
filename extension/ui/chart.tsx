/** A uPlot line chart: x is seconds (uPlot's time axis) or a plain index. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { axisWidth, compactValue, legendValue } from './chart-axes';

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  /** Series of different units get their own y scale; the second one is drawn on the right. */
  scale?: string;
}

export function LineChart(props: {
  testId: string;
  x: number[];
  series: ChartSeries[];
  /** True when x holds unix seconds. */
  time?: boolean;
  /** Legend label of x, e.g. `Minute`. */
  xLabel?: string;
  height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = props.series.map((s) => `${s.label}:${s.color}`).join('|');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const scales = [...new Set(props.series.map((s) => s.scale ?? 'y'))];
    // Canvas cannot read CSS variables: take the theme's ink from the chart box itself.
    const ink = getComputedStyle(el).color || '#888';
    const rule = { stroke: 'rgba(128, 128, 128, 0.18)', width: 1 };
    const chart = new uPlot(
      {
        width: Math.max(200, el.clientWidth || 320),
        height: props.height ?? 160,
        scales: { x: { time: props.time ?? false } },
        series: [
          props.time
            ? { label: props.xLabel ?? 'Date' }
            : {
                label: props.xLabel ?? 'x',
                value: (u: uPlot, _raw: unknown, _sidx: number, idx: number | null) =>
                  legendValue(u.data[0], idx),
              },
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            scale: s.scale ?? 'y',
            value: (u: uPlot, _raw: unknown, sidx: number, idx: number | null) =>
              legendValue(u.data[sidx] ?? [], idx),
          })),
        ],
        axes: [
          { stroke: ink, grid: rule, ticks: rule },
          ...scales.map((scale, index) => ({
            scale,
            side: index === 0 ? 3 : 1,
            stroke: ink,
            grid: { show: index === 0, ...rule },
            ticks: rule,
            values: (_u: uPlot, splits: number[]) => splits.map(compactValue),
            size: (u: uPlot, values: string[] | null, axisIdx: number) =>
              axisWidth(u, values, axisIdx),
          })),
        ],
        legend: { show: true },
      },
      [[], ...props.series.map(() => [])],
      el,
    );
    plot.current = chart;
    // The side panel is resizable: keep the plot as wide as its box.
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width !== chart.width) chart.setSize({ width, height: chart.height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Rebuilt only when the series change shape; data flows through setData below.
  }, [shape, props.time, props.height, props.xLabel]);

  useEffect(() => {
    plot.current?.setData([props.x, ...props.series.map((s) => s.values)]);
  });

  return <div class="chart" ref={host} data-testid={props.testId} data-points={props.x.length} />;
}
