/**
 * Stream metrics: viewers (current, peak, time-weighted average), room likes, follows, shares,
 * chat, unique chatters, coins per hour, engagement rate and a per-minute series.
 *
 * Engagement rate = unique interacting viewers ÷ average viewers, where an interacting viewer is
 * one distinct user id that chatted, sent a gift, liked (a like event that names the user),
 * shared or followed during the stream, and average viewers is the time-weighted mean of the
 * room's viewer count. It can exceed 1 on a long stream: more distinct people interacted than
 * watched at any one time. 0 while no viewer count has been seen.
 *
 * Viewer counts come from `roomUser` and from the member count TikTok sends with each join: both
 * state the viewers in the room now, so both are samples of one count (never added). Shares are
 * the share events counted, or TikTok's stated share count for the LIVE when that is larger (it
 * also holds shares TikTok sent no message for, and those from before we listened). Follows are
 * the follow events counted: TikTok's follower count is the host's total, not this stream's.
 * Emotes, subscriptions and joins are counted apart (audience.ts).
 */
import type { LiveEvent } from '../events/live-event';
import type { MetricsState } from '../protocol/channel-data';
import { type AudienceState, emptyAudience, observeAudience } from './audience';
import { clone, round2, round4 } from './json-state';

const MINUTE_MS = 60_000;
/** One day of points: a longer stream keeps its most recent day. */
const MAX_MINUTES = 1440;

export interface MinutePoint {
  minute: number;
  viewers: number;
  coins: number;
  chats: number;
  likes: number;
}

/** Exported state (JSON) of the metrics engine. */
export interface MetricsEngineState {
  startedAt: number;
  now: number;
  viewers: number;
  peakViewers: number;
  /** Stream time of the first viewer count; the average runs from there. */
  firstViewersAt: number | null;
  /** ∫ viewers dt since the first viewer count, viewer-milliseconds. */
  viewerMs: number;
  likes: number;
  follows: number;
  shares: number;
  chatMessages: number;
  coins: number;
  chatters: Record<string, 1>;
  uniqueChatters: number;
  interacting: Record<string, 1>;
  uniqueInteracting: number;
  perMinute: MinutePoint[];
  /** Absent in snapshots from before it was kept: empty then. */
  audience?: AudienceState;
}

export interface MetricsEngine {
  /** Moves stream time forward, integrating the viewer count over the gap. */
  elapse(now: number): void;
  /**
   * Counts one event; returns the room likes gained (from the sampled total) and the shares
   * gained (the share event itself and any TikTok's stated count adds beyond it).
   */
  observe(event: LiveEvent): { likesGained: number; sharesGained: number };
  /** Counts committed coins (from ledger commits). */
  addCoins(coins: number, at: number): void;
  /** Marks a user as interacting (a gift sender). */
  markInteracting(userId: string): void;
  view(): MetricsState;
  /** Committed coins per hour of stream so far. */
  coinsPerHour(): number;
  /** Totals used by other engines and the report. */
  readonly state: Readonly<MetricsEngineState>;
  exportState(): MetricsEngineState;
}

export function createMetricsEngine(startedAt: number, saved?: MetricsEngineState): MetricsEngine {
  const s: MetricsEngineState = saved ? clone(saved) : emptyState(startedAt);
  const audience = s.audience ?? emptyAudience();
  s.audience = audience;

  const point = (at: number): MinutePoint => {
    const minute = Math.max(0, Math.floor((at - s.startedAt) / MINUTE_MS));
    let last = s.perMinute[s.perMinute.length - 1];
    if (last && minute <= last.minute) {
      // Late events land in the latest minute rather than rewriting history.
      return last;
    }
    // Fill quiet minutes so charts have an evenly spaced series.
    const from = last ? last.minute + 1 : minute;
    for (let m = from; m <= minute; m++) {
      last = { minute: m, viewers: s.viewers, coins: 0, chats: 0, likes: 0 };
      s.perMinute.push(last);
    }
    if (s.perMinute.length > MAX_MINUTES) s.perMinute.splice(0, s.perMinute.length - MAX_MINUTES);
    return last as MinutePoint;
  };

  const interact = (userId: string) => {
    if (s.interacting[userId]) return;
    s.interacting[userId] = 1;
    s.uniqueInteracting++;
  };

  /** A statement of the viewers in the room now (`roomUser`, or a join's member count). */
  const sampleViewers = (at: number, count: number) => {
    if (s.firstViewersAt === null) s.firstViewersAt = Math.max(at, s.now);
    s.viewers = count;
    s.peakViewers = Math.max(s.peakViewers, count);
    point(s.now).viewers = count;
  };

  const elapse = (now: number) => {
    if (now <= s.now) return;
    if (s.firstViewersAt !== null) s.viewerMs += s.viewers * (now - s.now);
    s.now = now;
    // Quiet minutes still get their point, so the series reaches the present.
    if (s.firstViewersAt !== null || s.perMinute.length > 0) point(now);
  };

  const averageViewers = () => {
    if (s.firstViewersAt === null) return 0;
    const span = s.now - s.firstViewersAt;
    return span > 0 ? s.viewerMs / span : s.viewers;
  };

  const durationSeconds = () => Math.max(0, Math.round((s.now - s.startedAt) / 1000));

  const coinsPerHour = () => {
    // At least a minute, so the first gift does not read as a huge hourly rate.
    const hours = Math.max(MINUTE_MS, s.now - s.startedAt) / 3_600_000;
    return round2(s.coins / hours);
  };

  const engagementRate = () => {
    const avg = averageViewers();
    return avg > 0 ? round4(s.uniqueInteracting / avg) : 0;
  };

  return {
    state: s,
    elapse,
    observe(event) {
      elapse(event.at);
      let likesGained = 0;
      let sharesGained = 0;
      const { extraShares } = observeAudience(audience, event);
      switch (event.kind) {
        case 'viewers':
          sampleViewers(event.at, event.count);
          break;
        case 'join':
          if (event.memberCount !== null) sampleViewers(event.at, event.memberCount);
          break;
        case 'emote':
        case 'subscribe':
          interact(event.user.id);
          break;
        case 'chat':
          s.chatMessages++;
          point(s.now).chats++;
          if (!s.chatters[event.user.id]) {
            s.chatters[event.user.id] = 1;
            s.uniqueChatters++;
          }
          interact(event.user.id);
          break;
        case 'like':
          // The room total is sampled and may arrive out of order: it only ever grows.
          if (event.roomTotal !== null && event.roomTotal > s.likes) {
            likesGained = event.roomTotal - s.likes;
            s.likes = event.roomTotal;
            point(s.now).likes += likesGained;
          }
          if (event.user) interact(event.user.id);
          break;
        case 'follow':
          s.follows++;
          interact(event.user.id);
          break;
        case 'share':
          sharesGained = 1 + extraShares;
          s.shares += sharesGained;
          interact(event.user.id);
          break;
        case 'gift':
          interact(event.user.id);
          break;
        default:
          break;
      }
      return { likesGained, sharesGained };
    },
    addCoins(coins, at) {
      elapse(at);
      s.coins += coins;
      point(s.now).coins += coins;
    },
    markInteracting: interact,
    coinsPerHour,
    view() {
      return {
        viewers: s.viewers,
        peakViewers: s.peakViewers,
        averageViewers: round2(averageViewers()),
        likes: s.likes,
        follows: s.follows,
        shares: Math.max(s.shares, audience.statedShares ?? 0),
        chatMessages: s.chatMessages,
        uniqueChatters: s.uniqueChatters,
        engagementRate: engagementRate(),
        coinsPerHour: coinsPerHour(),
        durationSeconds: durationSeconds(),
        audience: clone(audience),
        perMinute: s.perMinute.map((p) => ({ ...p })),
      };
    },
    exportState: () => clone(s),
  };
}

function emptyState(startedAt: number): MetricsEngineState {
  return {
    startedAt,
    now: startedAt,
    viewers: 0,
    peakViewers: 0,
    firstViewersAt: null,
    viewerMs: 0,
    likes: 0,
    follows: 0,
    shares: 0,
    chatMessages: 0,
    coins: 0,
    chatters: {},
    uniqueChatters: 0,
    interacting: {},
    uniqueInteracting: 0,
    perMinute: [],
    audience: emptyAudience(),
  };
}
