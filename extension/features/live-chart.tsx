/** The stream so far, one point per minute: viewers, and coins when earnings are visible. */

import { type ChartSeries, LineChart } from '../ui/chart';
import { usePanel } from '../ui/context';

export function LiveChart() {
  const { live } = usePanel();
  const points = live.metrics.value?.perMinute ?? [];
  const series: ChartSeries[] = [
    { label: 'Viewers', values: points.map((p) => p.viewers), color: '#3b82f6', scale: 'viewers' },
  ];
  if (live.earnings.value) {
    series.push({
      label: 'Coins/min',
      values: points.map((p) => p.coins),
      color: '#f59e0b',
      scale: 'coins',
    });
  }
  return (
    <LineChart
      testId="live-chart"
      xLabel="Minute"
      x={points.map((p) => p.minute)}
      series={series}
    />
  );
}
