/**
 * The people side of the Live view: the top gifters with their badges, the audience (joins,
 * subscriptions, Super Fans, what TikTok states about the room) and TikTok's top viewers.
 */
import { ViewerBadges } from '../ui/chat-line';
import { usePanel } from '../ui/context';
import { formatCount } from '../ui/format';

/** Our own ranking, from committed coins. */
export function TopGifters() {
  const { live } = usePanel();
  const top = live.topGifters.value;
  return (
    <ol class="gifters" data-testid="top-gifters">
      {top.map((gifter) => (
        <li key={gifter.id} data-testid="top-gifter">
          <ViewerBadges user={gifter} />
          <span class="nickname">{gifter.nickname}</span>{' '}
          <span class="handle">@{gifter.handle}</span>{' '}
          {/* Gifters' coins are public on TikTok, so the server sends them to moderators too. */}
          <span>{formatCount(gifter.coins)} coins</span>
        </li>
      ))}
    </ol>
  );
}

/** Joins, subscriptions and what TikTok states about the room (sampled, never added up). */
export function Audience() {
  const { live } = usePanel();
  const audience = live.metrics.value?.audience;
  if (!audience) return null;
  const stated = (value: number | null) => (value === null ? '—' : formatCount(value));
  return (
    <>
      <div class="stat">
        <dt>Joins · subs · Super Fans</dt>
        <dd data-testid="live-audience">
          {formatCount(audience.joins)} · {formatCount(audience.subscriptions)} ·{' '}
          {formatCount(audience.superFans)}
        </dd>
      </div>
      <div class="stat">
        <dt>TikTok: followers · watched</dt>
        <dd data-testid="live-stated">
          {stated(audience.followerCount)} · {stated(audience.totalViewers)}
        </dd>
      </div>
    </>
  );
}

/** TikTok's ranking of the room's viewers; its coins restate gifts (never added to earnings). */
export function TopViewers() {
  const { live } = usePanel();
  const top = live.metrics.value?.audience?.topViewers ?? [];
  if (top.length === 0) return null;
  return (
    <>
      <h3>TikTok's top viewers</h3>
      <ol class="gifters" data-testid="top-viewers">
        {top.map((viewer) => (
          <li key={viewer.id}>
            <span class="nickname">{viewer.nickname}</span>{' '}
            <span class="handle">@{viewer.handle}</span>{' '}
            <span>{formatCount(viewer.coins)} coins</span>
          </li>
        ))}
      </ol>
    </>
  );
}
