/**
 * Readable scripted events for engine tests: `script(t0)` hands out events at stream time that
 * moves forward by `at(ms)` / `wait(ms)`, with stable ids.
 */
import type { BattleEvent, BattleSide } from '../../shared/events/battle';
import type { GiftEvent } from '../../shared/events/gift';
import type { GoalTarget } from '../../shared/events/goal';
import type { LiveEvent } from '../../shared/events/live-event';
import type { User } from '../../shared/events/user';

export const T0 = 1_765_000_000_000;

/** A viewer with a stable id derived from the handle. */
export function viewer(handle: string, extra: Partial<User> = {}): User {
  return {
    id: `u-${handle}`,
    handle,
    nickname: handle.charAt(0).toUpperCase() + handle.slice(1),
    avatarUrl: null,
    roles: {
      moderator: false,
      subscriber: false,
      follower: false,
      topGifterRank: null,
      gifterLevel: null,
    },
    badgePictures: [],
    ...extra,
  };
}

export interface GiftSpec {
  name?: string;
  coins?: number;
  type?: number;
  count?: number;
  end?: boolean;
  groupId?: string;
  toUser?: GiftEvent['toUser'];
  id?: number;
}

export type Script = ReturnType<typeof script>;

/** An event factory whose clock starts at `t0` and only moves when told to. */
export function script(t0 = T0) {
  let now = t0;
  let seq = 0;
  const base = () => ({ id: `m${++seq}`, source: 'test' as const, at: now });
  return {
    get now() {
      return now;
    },
    /** Moves the clock forward by `ms`. */
    wait(ms: number) {
      now += ms;
      return now;
    },
    /** Sets the clock to `t0 + ms`. */
    at(ms: number) {
      now = t0 + ms;
      return now;
    },
    chat: (user: User, text: string): LiveEvent => ({
      ...base(),
      kind: 'chat',
      user,
      text,
      emotes: [],
    }),
    question: (user: User, text: string): LiveEvent => ({
      ...base(),
      kind: 'question',
      user,
      text,
      questionId: null,
    }),
    gift: (user: User, spec: GiftSpec = {}): GiftEvent => {
      const type = spec.type ?? 1;
      return {
        ...base(),
        kind: 'gift',
        user,
        gift: {
          id: spec.id ?? 5655,
          name: spec.name ?? 'Rose',
          coins: spec.coins ?? 1,
          type,
          imageUrl: null,
        },
        repeatCount: spec.count ?? 1,
        repeatEnd: spec.end ?? type !== 1,
        groupId: spec.groupId ?? 'g1',
        toUser: spec.toUser ?? null,
      };
    },
    like: (user: User | null, count: number, roomTotal: number | null): LiveEvent => ({
      ...base(),
      kind: 'like',
      user,
      count,
      roomTotal,
    }),
    viewers: (count: number): LiveEvent => ({
      ...base(),
      kind: 'viewers',
      count,
      totalViewers: null,
      topViewers: [],
    }),
    follow: (user: User): LiveEvent => ({ ...base(), kind: 'follow', user, followerCount: null }),
    share: (user: User): LiveEvent => ({
      ...base(),
      kind: 'share',
      user,
      via: 'share',
      shareCount: null,
    }),
    subscribe: (user: User): LiveEvent => ({
      ...base(),
      kind: 'subscribe',
      user,
      plan: 'subscription',
      months: null,
    }),
    join: (user: User): LiveEvent => ({
      ...base(),
      kind: 'join',
      user,
      via: 'member',
      displayName: null,
      memberCount: null,
    }),
    chest: (user: User, coins: number): LiveEvent => ({
      ...base(),
      kind: 'chest',
      user,
      coins,
      slots: 10,
      box: 'treasure',
    }),
    /** A viewer who is not logged in: TikTok names no account. */
    anonymousJoin: (displayName = 'Viewer'): LiveEvent => ({
      ...base(),
      kind: 'join',
      user: null,
      via: 'anonymous',
      displayName,
      memberCount: null,
    }),
    emote: (user: User, ...emoteIds: string[]): LiveEvent => ({
      ...base(),
      kind: 'emote',
      user,
      emotes: emoteIds.map((id) => ({
        id,
        imageUrl: `https://p16-webcast.tiktokcdn.com/${id}.png`,
      })),
    }),
    /** TikTok removed chat messages (by the chat events' ids) and/or every line of some users. */
    imDelete: (messageIds: string[], userIds: string[] = []): LiveEvent => ({
      ...base(),
      kind: 'imDelete',
      messageIds,
      userIds,
    }),
    /** A battle frame; sides as `[hostUser, score]` pairs (score null on a start). */
    battle: (
      battleId: string,
      phase: BattleEvent['phase'],
      sides: Array<[User, number | null]>,
      winner: User | null = null,
    ): LiveEvent => ({
      ...base(),
      kind: 'battle',
      battleId,
      phase,
      sides: sides.map(
        ([host, score]): BattleSide => ({
          hostId: host.id,
          host,
          score,
          result: winner === null ? null : winner.id === host.id ? 'win' : 'lose',
        }),
      ),
      winnerHostId: winner?.id ?? null,
      endsAt: null,
    }),
    /** The streamer's own TikTok LIVE goal; one gift target at `progress`/`target`. */
    goalUpdate: (
      goalId: string,
      progress: number,
      target: number,
      contribution: { user: User; count: number; score: number } | null = null,
    ): LiveEvent => {
      const rose: GoalTarget = {
        id: `${goalId}-t1`,
        gift: { name: 'Rose', coins: 1, imageUrl: null },
        progress,
        target,
      };
      return {
        ...base(),
        kind: 'goalUpdate',
        goalId,
        description: 'Roses for the new mic',
        targets: [rose],
        reason: 'progress',
        contribution,
        contributors: contribution ? [{ user: contribution.user, score: contribution.score }] : [],
      };
    },
    liveIntro: (host: User, text: string): LiveEvent => ({
      ...base(),
      kind: 'liveIntro',
      host,
      text,
    }),
    streamStart: (host = 'host'): LiveEvent => ({
      ...base(),
      kind: 'streamStart',
      host,
      title: null,
    }),
    streamEnd: (): LiveEvent => ({ ...base(), kind: 'streamEnd', reason: 'ended' }),
  };
}

/** The frames of one full streak: provisional 1..count-1, then the end frame at `count`. */
export function streakFrames(
  s: Script,
  user: User,
  spec: GiftSpec & { count: number },
): GiftEvent[] {
  const frames: GiftEvent[] = [];
  for (let n = 1; n < spec.count; n++) frames.push(s.gift(user, { ...spec, count: n, end: false }));
  frames.push(s.gift(user, { ...spec, end: true }));
  return frames;
}

/** Command contexts for tests. */
export const asOwner = (at: number) => ({ actor: { role: 'owner' as const, name: 'owner' }, at });
export const asModerator = (at: number, name = 'mod:alex') => ({
  actor: { role: 'moderator' as const, name },
  at,
});
