/**
 * The room's audience as TikTok describes it, beside what the metrics count themselves: joins
 * of every kind, emotes sent on their own, subscriptions and new Super Fans, and the counters
 * TikTok states with its messages (the host's follower count, the room's share count, everyone
 * who watched) and its top viewers.
 *
 * Stated counters are sampled totals, never summed: running totals (shares, total viewers) keep
 * their largest value, since messages from two sources may arrive out of order; the follower
 * count keeps its latest (unfollows lower it). Top viewers' coins are TikTok's ranking figure
 * and restate gifts: never revenue.
 */
import type { LiveEvent } from '../events/live-event';
import type { AudienceView } from '../protocol/channel-data';
import type { StreamReport } from './live-room-contract';

/** Exported state (part of the metrics engine's). */
export type AudienceState = AudienceView;

/** Top viewers kept (TikTok lists up to about 50; the panel shows a few). */
const TOP_VIEWERS = 10;

export const emptyAudience = (): AudienceState => ({
  joins: 0,
  joinsByVia: { member: 0, entrance: 0, superFan: 0, anonymous: 0 },
  emotes: 0,
  subscriptions: 0,
  superFans: 0,
  followerCount: null,
  totalViewers: null,
  statedShares: null,
  topViewers: [],
});

const larger = (known: number | null, stated: number | null) =>
  stated === null ? known : Math.max(known ?? 0, stated);

/**
 * Counts one event into the audience. Returns the shares the room gained by TikTok's stated
 * count beyond the one share this event is (0 when the count is first stated: a late-joined
 * source's first count holds shares from before it listened), so goals and sponsor segments
 * count shares TikTok sent no message for, once.
 */
export function observeAudience(a: AudienceState, event: LiveEvent): { extraShares: number } {
  switch (event.kind) {
    case 'join':
      a.joins++;
      a.joinsByVia[event.via]++;
      return { extraShares: 0 };
    case 'emote':
      a.emotes++;
      return { extraShares: 0 };
    case 'subscribe':
      if (event.plan === 'superFan') a.superFans++;
      else a.subscriptions++;
      return { extraShares: 0 };
    case 'follow':
      if (event.followerCount !== null) a.followerCount = event.followerCount;
      return { extraShares: 0 };
    case 'share': {
      const before = a.statedShares;
      a.statedShares = larger(before, event.shareCount);
      const extra = before === null || a.statedShares === null ? 0 : a.statedShares - before - 1;
      return { extraShares: Math.max(0, extra) };
    }
    case 'viewers':
      a.totalViewers = larger(a.totalViewers, event.totalViewers);
      if (event.topViewers.length > 0) {
        a.topViewers = event.topViewers.slice(0, TOP_VIEWERS).map((top) => ({
          id: top.user.id,
          handle: top.user.handle,
          nickname: top.user.nickname,
          avatarUrl: top.user.avatarUrl,
          coins: top.coins,
          rank: top.rank,
        }));
      }
      return { extraShares: 0 };
    default:
      return { extraShares: 0 };
  }
}

/** The report's audience figures (see `StreamReport`). */
export function audienceReport(
  a: AudienceState,
): Pick<
  StreamReport,
  | 'joins'
  | 'joinsByVia'
  | 'emotes'
  | 'subscriptions'
  | 'superFans'
  | 'followerCount'
  | 'totalViewers'
  | 'topViewers'
> {
  return {
    joins: a.joins,
    joinsByVia: { ...a.joinsByVia },
    emotes: a.emotes,
    subscriptions: a.subscriptions,
    superFans: a.superFans,
    followerCount: a.followerCount,
    totalViewers: a.totalViewers,
    topViewers: a.topViewers.map(({ handle, nickname, coins, rank }) => ({
      handle,
      nickname,
      coins,
      rank,
    })),
  };
}
