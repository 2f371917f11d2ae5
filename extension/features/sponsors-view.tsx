/** Sponsors: plan segments, run one with a countdown and live measurements, export reports. */
import { useSignal } from '@preact/signals';
import { Fragment } from 'preact';
import type { SponsorDraft } from '../models/sponsor-model';
import { CommandRefusalNote } from '../ui/command-refusal';
import { usePanel } from '../ui/context';
import { formatDate, formatDuration } from '../ui/format';
import { downloadSponsorReport } from './sponsor-report-export';

const KINDS: Array<{ value: SponsorDraft['kind']; label: string }> = [
  { value: 'sponsoredSegment', label: 'Sponsored segment' },
  { value: 'productPlacement', label: 'Product placement' },
  { value: 'coHostedEvent', label: 'Co-hosted event' },
];

function PlanForm() {
  const { sponsors, connection } = usePanel();
  const draft = useSignal<SponsorDraft>({
    kind: 'sponsoredSegment',
    brand: '',
    product: '',
    promoCode: null,
    callToAction: null,
    plannedSeconds: 120,
  });
  const edit = (patch: Partial<SponsorDraft>) => {
    draft.value = { ...draft.value, ...patch };
  };
  return (
    <form
      class="sponsor-plan"
      onSubmit={(event) => {
        event.preventDefault();
        void sponsors.plan(draft.value);
      }}
    >
      <select
        data-testid="sponsor-kind"
        value={draft.value.kind}
        onChange={(e) => edit({ kind: e.currentTarget.value as SponsorDraft['kind'] })}
      >
        {KINDS.map((kind) => (
          <option key={kind.value} value={kind.value}>
            {kind.label}
          </option>
        ))}
      </select>
      <input
        data-testid="sponsor-brand"
        placeholder="Brand"
        value={draft.value.brand}
        onInput={(e) => edit({ brand: e.currentTarget.value })}
      />
      <input
        data-testid="sponsor-product"
        placeholder="Product"
        value={draft.value.product}
        onInput={(e) => edit({ product: e.currentTarget.value })}
      />
      <input
        data-testid="sponsor-promo"
        placeholder="Promo code (optional)"
        value={draft.value.promoCode ?? ''}
        onInput={(e) => edit({ promoCode: e.currentTarget.value.trim() || null })}
      />
      <input
        data-testid="sponsor-seconds"
        type="number"
        min={10}
        value={draft.value.plannedSeconds}
        onInput={(e) => edit({ plannedSeconds: Number.parseInt(e.currentTarget.value, 10) || 0 })}
      />
      {connection.isOwner.value && (
        <input
          data-testid="sponsor-deal-value"
          type="number"
          min={0}
          step="0.01"
          placeholder="Deal value, USD (owner only, optional)"
          value={draft.value.dealValueUsd ?? ''}
          onInput={(e) => {
            const usd = Number.parseFloat(e.currentTarget.value);
            edit({ dealValueUsd: Number.isFinite(usd) ? usd : undefined });
          }}
        />
      )}
      <button type="submit" data-testid="sponsor-plan">
        Plan segment
      </button>
    </form>
  );
}

/** The brand's figures while the segment runs, as the server measures them. */
const LIVE_FIGURES: Array<[string, string]> = [
  ['viewerMinutes', 'Viewer-minutes'],
  ['averageViewers', 'Average viewers'],
  ['peakViewers', 'Peak viewers'],
  ['mentions', 'Mentions'],
  ['chatMessages', 'Chat messages'],
  ['likes', 'Likes'],
  ['follows', 'Follows'],
];

function LiveMeasures() {
  const { sponsors } = usePanel();
  const measured = sponsors.liveMeasures.value;
  if (!measured) return <p>Measuring…</p>;
  return (
    <dl class="figures" data-testid="sponsor-measurements">
      {LIVE_FIGURES.filter(([key]) => typeof measured[key] === 'number').map(([key, label]) => (
        <Fragment key={key}>
          <dt>{label}</dt>
          <dd data-testid={`sponsor-measure-${key}`}>
            {Math.round(Number(measured[key]) * 100) / 100}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function RunningSegment() {
  const { sponsors } = usePanel();
  const card = sponsors.card.value;
  if (!card) return null;
  return (
    <div
      class="sponsor-card"
      data-testid="sponsor-card"
      data-state={card.state}
      data-segment-id={card.segmentId}
    >
      <p>
        <strong>{card.brand}</strong> — {card.product}
        {card.promoCode && ` · code ${card.promoCode}`}
      </p>
      <p>
        <span data-testid="sponsor-countdown">
          {formatDuration(sponsors.remainingSeconds.value ?? 0)}
        </span>{' '}
        left · {formatDuration(card.elapsedSeconds)} on screen · {card.state}
      </p>
      <LiveMeasures />
      <div class="actions">
        {card.state === 'running' ? (
          <button type="button" data-testid="sponsor-pause" onClick={() => void sponsors.pause()}>
            Pause
          </button>
        ) : (
          <button type="button" data-testid="sponsor-resume" onClick={() => void sponsors.resume()}>
            Resume
          </button>
        )}
        <button
          type="button"
          class="danger"
          data-testid="sponsor-end"
          onClick={() => void sponsors.end()}
        >
          End segment
        </button>
      </div>
    </div>
  );
}

function Plans() {
  const { sponsors } = usePanel();
  return (
    <ul data-testid="sponsor-plans">
      {sponsors.plans.value.map((plan) => (
        <li key={plan.planId}>
          {plan.brand} — {plan.product} ({formatDuration(plan.plannedSeconds)}){' '}
          <button
            type="button"
            data-testid={`sponsor-start-${plan.planId}`}
            disabled={sponsors.card.value !== null}
            onClick={() => void sponsors.start(plan.planId)}
          >
            Start
          </button>
        </li>
      ))}
    </ul>
  );
}

function Reports() {
  const { sponsors } = usePanel();
  return (
    <ul data-testid="sponsor-reports">
      {sponsors.reports.value.map((record) => (
        <li key={record.segmentId} data-testid={`sponsor-report-${record.segmentId}`}>
          {formatDate(record.endedAt)} — {record.brand}{' '}
          <button
            type="button"
            data-testid={`sponsor-report-${record.segmentId}-csv`}
            onClick={() => downloadSponsorReport(record, 'csv')}
          >
            CSV
          </button>
          <button
            type="button"
            data-testid={`sponsor-report-${record.segmentId}-json`}
            onClick={() => downloadSponsorReport(record, 'json')}
          >
            JSON
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SponsorsView() {
  const { sponsors } = usePanel();
  return (
    <section aria-label="Sponsors" data-testid="view-sponsors">
      <CommandRefusalNote commands={sponsors.commands} />
      <RunningSegment />
      <h3>Planned</h3>
      <Plans />
      <PlanForm />
      <h3>Reports</h3>
      <Reports />
    </section>
  );
}
