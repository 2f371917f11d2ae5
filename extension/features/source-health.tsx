/**
 * Where the events come from, and whether to trust them now: each source (the TikTok connector,
 * this browser's page capture, a replay…) with its state, why, how long since its last event,
 * its rate, and which one is primary. Read from the server's `sources` channel.
 */

import { useEffect, useState } from 'preact/hooks';
import type { SourceHealth } from '../../shared/protocol/channel-data';
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
        </li>
      ))}
    </ul>
  );
}
