/** Live: earnings ticking (committed and provisional apart), pace, chart, battle, gifters, goals. */
import { usePanel } from '../ui/context';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../ui/format';
import { BattlePanel } from './battle-panel';
import { LiveChart } from './live-chart';
import { Audience, TopGifters, TopViewers } from './live-people';
import { SourceHealthList } from './source-health';

function Earnings() {
  const { live } = usePanel();
  const earnings = live.earnings.value;
  if (!earnings) {
    return (
      <p data-testid="earnings-hidden">
        {live.earningsVisible.value
          ? 'Waiting for earnings…'
          : 'Earnings are hidden by the owner: they are not shared with moderators.'}
      </p>
    );
  }
  const provisional = live.provisional.value;
  return (
    <div class="earnings">
      <dl class="figures">
        <div class="stat stat--committed">
          <dt>Coins (committed)</dt>
          <dd data-testid="live-coins">{formatCount(earnings.committedCoins)}</dd>
        </div>
        <div class="stat stat--committed">
          <dt>Diamonds</dt>
          <dd data-testid="live-diamonds">{formatCount(earnings.figures.diamonds)}</dd>
        </div>
        <div class="stat stat--committed stat--money">
          <dt>Estimated payout</dt>
          <dd data-testid="live-payout">{formatUsd(earnings.figures.estimatedPayoutUsd)}</dd>
          <span class="caption" data-testid="live-model-name">
            {earnings.figures.model.name}
          </span>
        </div>
        <div class="stat stat--provisional">
          <dt>In open streaks (provisional)</dt>
          <dd data-testid="live-provisional">
            {formatCount(earnings.provisionalCoins)} coins
            {provisional && ` ≈ ${formatUsd(provisional.estimatedPayoutUsd)}`}
          </dd>
        </div>
        <div class="stat">
          <dt>Coins per hour</dt>
          <dd data-testid="live-coins-per-hour">{formatCount(earnings.coinsPerHour)}</dd>
        </div>
      </dl>
      <PayoutProgress />
    </div>
  );
}

function PayoutProgress() {
  const { live } = usePanel();
  const payout = live.payout.value;
  if (!payout) return null;
  return (
    <div class="payout" data-testid="payout-progress" data-fraction={payout.fraction}>
      <progress max={1} value={payout.fraction} />
      <span>
        {formatUsd(payout.balanceUsd)} of {formatUsd(payout.thresholdUsd)} payout threshold across
        streams
        {payout.canCashOut ? ' — ready to cash out' : ` (${formatUsd(payout.remainingUsd)} to go)`}
      </span>
    </div>
  );
}

function Metrics() {
  const { live } = usePanel();
  const metrics = live.metrics.value;
  if (!metrics) return null;
  return (
    <dl class="figures" data-testid="live-metrics">
      <div class="stat">
        <dt>Duration</dt>
        <dd>{formatDuration(metrics.durationSeconds)}</dd>
      </div>
      <div class="stat">
        <dt>Viewers</dt>
        <dd data-testid="live-viewers">
          {formatCount(metrics.viewers)} (peak {formatCount(metrics.peakViewers)})
        </dd>
      </div>
      <div class="stat">
        <dt>Follows · shares · likes</dt>
        <dd>
          {formatCount(metrics.follows)} · {formatCount(metrics.shares)} ·{' '}
          {formatCount(metrics.likes)}
        </dd>
      </div>
      <div class="stat">
        <dt>Engagement</dt>
        <dd>{formatPercent(metrics.engagementRate)}</dd>
      </div>
      <Audience />
    </dl>
  );
}

function Goals() {
  const { live } = usePanel();
  return (
    <ul class="goals" data-testid="goals">
      {live.goals.value.map((goal) => (
        <li key={goal.id}>
          {goal.label}: {formatCount(goal.current)} / {formatCount(goal.target)}{' '}
          <progress max={goal.target} value={Math.min(goal.current, goal.target)} />
          {goal.reachedAt !== null
            ? ' reached'
            : goal.etaSeconds !== null
              ? ` ~${formatDuration(goal.etaSeconds)}`
              : ''}
        </li>
      ))}
    </ul>
  );
}

export function LiveView() {
  return (
    <section class="view" aria-label="Live" data-testid="view-live">
      <Earnings />
      <Metrics />
      <LiveChart />
      <h3>Battle</h3>
      <BattlePanel />
      <h3>Top gifters</h3>
      <TopGifters />
      <TopViewers />
      <h3>Goals</h3>
      <Goals />
      <h3>Sources</h3>
      <SourceHealthList />
    </section>
  );
}
