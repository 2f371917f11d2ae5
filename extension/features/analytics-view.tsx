/** Analytics: per-stream history, charts across streams, follower growth, schedule consistency. */

import { fetchReportText } from '../transport/report-client';
import { LineChart } from '../ui/chart';
import { CommandRefusalNote } from '../ui/command-refusal';
import { usePanel } from '../ui/context';
import { downloadText, toCsv } from '../ui/download';
import { formatCount, formatDate, formatDuration, formatPercent, formatUsd } from '../ui/format';

const REPORT_TYPES = { csv: 'text/csv', md: 'text/markdown' } as const;

function ServerReportButtons(props: { streamId: string }) {
  const { connection } = usePanel();
  const download = async (format: keyof typeof REPORT_TYPES) => {
    const target = connection.pairing.peek();
    if (!target) return;
    try {
      const text = await fetchReportText(target, props.streamId, format);
      downloadText(`limelight-report-${props.streamId}.${format}`, text, REPORT_TYPES[format]);
    } catch (error) {
      alert(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <button type="button" data-testid="analytics-report-csv" onClick={() => void download('csv')}>
        CSV
      </button>
      <button type="button" data-testid="analytics-report-md" onClick={() => void download('md')}>
        MD
      </button>
    </>
  );
}

function HistoryTable() {
  const { analytics } = usePanel();
  return (
    <table data-testid="analytics-history">
      <thead>
        <tr>
          <th>Date</th>
          <th>Duration</th>
          <th>Coins</th>
          <th>Payout (model)</th>
          <th>Peak / avg viewers</th>
          <th>Follows</th>
          <th>Engagement</th>
          <th>Report</th>
        </tr>
      </thead>
      <tbody>
        {analytics.history.value.map((s) => (
          <tr
            key={s.streamId}
            data-testid="analytics-stream"
            data-stream-id={s.streamId}
            data-final={s.final}
          >
            <td>{formatDate(s.startedAt)}</td>
            <td>{formatDuration(s.durationSeconds)}</td>
            <td>{formatCount(s.coins)}</td>
            <td title={s.revenueModelName}>
              {formatUsd(s.estimatedPayoutUsd)} <small>({s.revenueModelName})</small>
            </td>
            <td>
              {formatCount(s.peakViewers)} / {formatCount(s.averageViewers)}
            </td>
            <td>{formatCount(s.followers)}</td>
            <td>{formatPercent(s.engagementRate)}</td>
            <td>
              <ServerReportButtons streamId={s.streamId} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Charts() {
  const { analytics } = usePanel();
  const history = analytics.history.value;
  const x = history.map((s) => Math.round(s.startedAt / 1000));
  const growth = analytics.followerGrowth.value;
  if (history.length === 0)
    return <p class="empty">No streams recorded yet: they appear here as you stream.</p>;
  return (
    <div>
      <h3>Across streams</h3>
      <LineChart
        testId="analytics-chart-coins"
        time
        x={x}
        series={[{ label: 'Coins', values: history.map((s) => s.coins), color: '#f59e0b' }]}
      />
      <LineChart
        testId="analytics-chart-viewers"
        time
        x={x}
        series={[
          { label: 'Peak viewers', values: history.map((s) => s.peakViewers), color: '#ef4444' },
          {
            label: 'Average viewers',
            values: history.map((s) => s.averageViewers),
            color: '#3b82f6',
          },
        ]}
      />
      <h3>Follower growth</h3>
      <LineChart
        testId="analytics-chart-followers"
        time
        x={growth.map((g) => Math.round(g.at / 1000))}
        series={[
          {
            label: 'Followers gained (total)',
            values: growth.map((g) => g.total),
            color: '#10b981',
          },
        ]}
      />
    </div>
  );
}

function Schedule() {
  const { analytics } = usePanel();
  const result = analytics.schedule.value;
  return (
    <div data-testid="analytics-schedule">
      <h3>Schedule consistency</h3>
      <p>
        {result.rate === null
          ? 'Set a weekly schedule in Settings to compare start times.'
          : `${formatPercent(result.rate)} of streams started within 30 minutes of a planned slot.`}
      </p>
      <ul>
        {result.checks.map((check) => (
          <li key={check.startedAt}>
            {formatDate(check.startedAt)}:{' '}
            {check.offsetMinutes === null
              ? 'no slot'
              : `${check.offsetMinutes >= 0 ? '+' : ''}${check.offsetMinutes} min${check.onSchedule ? '' : ' (off schedule)'}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AnalyticsView() {
  const { analytics } = usePanel();
  const exportRevenue = () =>
    downloadText(
      `limelight-revenue-${new Date().toISOString().slice(0, 10)}.csv`,
      toCsv(
        analytics.history.value.map((s) => ({
          date: new Date(s.startedAt).toISOString(),
          streamId: s.streamId,
          durationSeconds: s.durationSeconds,
          coins: s.coins,
          diamonds: s.diamonds,
          estimatedPayoutUsd: s.estimatedPayoutUsd,
          revenueModel: s.revenueModelName,
          final: s.final,
        })),
      ),
      'text/csv',
    );
  return (
    <section aria-label="Analytics" data-testid="view-analytics">
      <CommandRefusalNote commands={analytics.commands} />
      <button type="button" data-testid="analytics-export-revenue" onClick={exportRevenue}>
        Export revenue report (CSV)
      </button>
      <HistoryTable />
      <Charts />
      <Schedule />
    </section>
  );
}
