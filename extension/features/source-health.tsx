/**
 * Where the events come from, and whether to trust them now: each source (the TikTok connector,
 * this browser's page capture, a replay…) with its state, why, how long since its last event,
 * its rate, and which one is primary. Read from the server's `sources` channel.
 */

import { useEffect, useState } from 'preact/hooks';
import type { SourceHealth } from '../../shared/protocol/channel-data';
import type { InputSummary } from '../../shared/protocol/input-summary';
import { usePanel } from '../ui/context';
import { formatCount, formatDuration } from '../ui/format';

const SOURCE_NAMES: Record<SourceHealth['source'], string> = {
  connector: 'TikTok connector',
  page: 'Page capture',
  replay: 'Replay',
  simulator: 'Simulator',
  test: 'Test',
};

/** Re-renders every second so "last event 12 s ago" stays true between updates. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Reasons named on the line; the rest are counted. */
const REASONS_SHOWN = 3;

/**
 * What became of the source's input (connector payloads, replayed lines): events, duplicates,
 * and skipped ones by reason, the same reasons `npm run report` gives.
 */
function InputLine({ input }: { input: InputSummary }) {
  const shown = input.skipped.byReason.slice(0, REASONS_SHOWN);
  const more = input.skipped.byReason.length - shown.length;
  const unknown = Object.entries(input.unknownEvents)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ×${formatCount(count)}`);
  return (
    <>
      <br />
      <span class="input" data-testid="source-input">
        {formatCount(input.events)} mapped · {formatCount(input.duplicates.count)} duplicates ·{' '}
        {formatCount(input.skipped.count)} skipped
        {shown.length > 0 &&
          `: ${shown.map((group) => `${group.reason} ×${formatCount(group.count)}`).join(', ')}`}
        {more > 0 && ` and ${more} other reasons`}
        {unknown.length > 0 && ` (unknown events: ${unknown.slice(0, REASONS_SHOWN).join(', ')})`}
      </span>
    </>
  );
}

export function SourceHealthList() {
  const { room } = usePanel();
  const now = useNow();
  const sources = room.sources.value?.sources ?? [];
  if (sources.length === 0)
    return (
      <p class="empty" data-testid="source-health-empty">
        No source yet.
      </p>
    );
  return (
    <ul class="sources" data-testid="source-health">
      {sources.map((health) => (
        <li
          key={health.source}
          data-testid={`source-${health.source}`}
          data-state={health.state}
          data-primary={health.primary ? 'true' : 'false'}
        >
          <strong>{SOURCE_NAMES[health.source]}</strong>
          {health.primary && <span class="badge"> primary</span>}: {health.state}
          {health.detail && <span class="detail"> — {health.detail}</span>}
          <br />
          <span class="age">
            {health.lastEventAt === null
              ? 'no event yet'
              : `last event ${formatDuration(Math.max(0, Math.round((now - health.lastEventAt) / 1000)))} ago`}
          </span>
          {' · '}
          <span class="rate">{formatCount(health.eventsPerMinute)} events/min</span>
          {health.input && <InputLine input={health.input} />}
        </li>
      ))}
    </ul>
  );
}
