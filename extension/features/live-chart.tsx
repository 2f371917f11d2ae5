/** The stream so far, one point per minute: viewers, and coins when earnings are visible. */

import { LineChart } from '../ui/chart';
import { usePanel } from '../ui/context';

export function LiveChart() {
  const { live } = usePanel();
  const points = live.metrics.value?.perMinute ?? [];
  const series = [{ label: 'Viewers', values: points.map((p) => p.viewers), color: '#3b82f6' }];
  if (live.earnings.value) {
    series.push({ label: 'Coins', values: points.map((p) => p.coins), color: '#f59e0b' });
  }
  return <LineChart testId="live-chart" x={points.map((p) => p.minute)} series={series} />;
}
