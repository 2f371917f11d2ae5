/** How each live event reaches the ledger and the engines. */
import type { LiveEvent } from '../events/live-event';
import type { LedgerCommit } from './ledger-port';
import { actionsOnCommit, actionsOnStreak } from './room-actions';
import { badge, type RoomParts, type UpdateBatch } from './room-parts';

/** A viewer as overlays show them: filtered words in their name starred out. */
function shownBadge(p: RoomParts, user: Parameters<typeof badge>[0]) {
  const shown = badge(user);
  shown.nickname = p.moderation.cleanName(shown.nickname);
  shown.handle = p.moderation.cleanName(shown.handle);
  return shown;
}

/** Moves stream time to `at`: viewer time integrates, deadlines pass, alerts play on. */
export function moveClock(p: RoomParts, at: number, b: UpdateBatch) {
  if (at > p.facts.now) p.facts.now = at;
  const now = p.facts.now;
  // Segment viewer-time uses the count from before this moment's event.
  p.sponsor.elapse(now, p.metrics.state.viewers);
  p.metrics.elapse(now);
  if (p.polls.tick(now)) b.dirty.add('poll');
  b.out.push(...p.alerts.tick(now));
  p.actions.tick(now);
}

/** Committed coins reach metrics, goals, the sponsor segment, gift votes and alerts. */
export function onCommits(
  p: RoomParts,
  commits: readonly LedgerCommit[],
  b: UpdateBatch,
  settleAlerts: boolean,
) {
  const now = p.facts.now;
  for (const commit of commits) {
    p.metrics.addCoins(commit.coins, now);
    p.sponsor.count('coins', commit.coins);
    if (p.goals.add('coins', commit.coins, now)) b.dirty.add('goals');
    if (p.polls.onGiftCoins(commit.user.id, commit.coins)) b.dirty.add('poll');
    actionsOnCommit(p, commit);
    if (settleAlerts && !p.moderation.isMuted(commit.user.id)) {
      const frame = { key: commit.key, user: shownBadge(p, commit.user), gift: commit.gift };
      b.out.push(...p.alerts.onStreak({ ...frame, count: commit.totalUnits, settled: true }, now));
    }
  }
  if (commits.length > 0) b.dirty.add('earnings').add('leaderboard').add('metrics');
}

/** Stream end (event or operator): open streaks commit, the poll and segment close. */
export function endStream(p: RoomParts, b: UpdateBatch) {
  const now = p.facts.now;
  onCommits(p, p.ledger.closeAll(now), b, true);
  if (p.polls.closeRunning(now)) b.dirty.add('poll');
  if (p.sponsor.endActive(now)) b.dirty.add('sponsor');
  if (p.battles.endStream(now)) b.dirty.add('battle');
  p.facts.endedAt ??= now;
  b.dirty.add('metrics').add('earnings');
}

function countSocial(p: RoomParts, kind: 'follows' | 'shares', amount: number, b: UpdateBatch) {
  p.sponsor.count(kind, amount);
  if (p.goals.add(kind, amount, p.facts.now)) b.dirty.add('goals');
  b.dirty.add('metrics');
}

export function routeEvent(p: RoomParts, event: LiveEvent, b: UpdateBatch) {
  const now = p.facts.now;
  if ('user' in event && event.user) p.roles.note(event.user, event.kind === 'gift');
  switch (event.kind) {
    case 'gift': {
      const outcome = p.ledger.apply(event);
      if (outcome.status === 'duplicate') return;
      p.metrics.observe(event);
      actionsOnStreak(p, outcome.streak);
      b.dirty.add('earnings');
      if (!p.moderation.isMuted(event.user.id)) {
        const s = outcome.streak;
        const frame = { key: s.key, user: shownBadge(p, s.user), gift: s.gift, count: s.count };
        b.out.push(
          ...p.alerts.onStreak({ ...frame, settled: outcome.status === 'committed' }, now),
        );
      }
      if (outcome.status === 'committed') onCommits(p, [outcome.commit], b, false);
      return;
    }
    case 'chat':
      p.metrics.observe(event);
      b.dirty.add('metrics');
      if (p.polls.onChat(event.user.id, event.text)) b.dirty.add('poll');
      if (p.qna.onChat(badge(event.user), event.text, now, event.id)) b.dirty.add('qna');
      p.sponsor.onChat(event.text);
      b.out.push(...p.chat.onChat(event));
      return;
    case 'like': {
      const { likesGained } = p.metrics.observe(event);
      if (likesGained > 0) {
        p.sponsor.count('likes', likesGained);
        if (p.goals.add('likes', likesGained, now)) b.dirty.add('goals');
        b.dirty.add('metrics');
      }
      if (event.user && p.polls.onLikes(event.user.id, event.count)) b.dirty.add('poll');
      return;
    }
    case 'follow':
    case 'share': {
      const { sharesGained } = p.metrics.observe(event);
      if (event.kind === 'follow') countSocial(p, 'follows', 1, b);
      else countSocial(p, 'shares', sharesGained, b);
      if (!p.moderation.isMuted(event.user.id)) {
        b.out.push(...p.alerts.onSocial(event.kind, shownBadge(p, event.user), now));
      }
      return;
    }
    case 'subscribe':
      p.metrics.observe(event);
      b.dirty.add('metrics');
      if (!p.moderation.isMuted(event.user.id)) {
        const plan = { plan: event.plan, months: event.months };
        b.out.push(...p.alerts.onSocial('subscribe', shownBadge(p, event.user), now, plan));
      }
      return;
    case 'emote':
      p.metrics.observe(event);
      b.dirty.add('metrics');
      b.out.push(...p.chat.onEmote(event));
      return;
    case 'imDelete': {
      // TikTok removed these lines: off the overlays and panels, and the questions they asked
      // dismissed. They were sent, so they still count in the metrics.
      b.out.push(...p.chat.removeByTikTok(event));
      if (p.qna.onChatRemoved(event.messageIds, event.userIds, now)) b.dirty.add('qna');
      return;
    }
    case 'join':
      p.metrics.observe(event);
      if (event.memberCount !== null) p.sponsor.onViewers(event.memberCount);
      b.dirty.add('metrics');
      return;
    case 'goalUpdate':
      // Contributions restate gifts (counted by the ledger): only the goal's progress is used.
      if (p.goals.onTikTokGoal(event, now)) b.dirty.add('goals');
      return;
    case 'viewers':
      p.metrics.observe(event);
      p.sponsor.onViewers(event.count);
      b.dirty.add('metrics');
      return;
    case 'question':
      p.facts.questions++;
      if (p.qna.onQuestion(badge(event.user), event.text, now)) b.dirty.add('qna');
      return;
    case 'chest':
      p.facts.treasureChestCoins += event.coins;
      return;
    case 'streamEnd':
      endStream(p, b);
      return;
    case 'streamStart':
      p.battles.setStreamer(event.host);
      return;
    case 'battle':
      // Battle points restate gifts (counted by the ledger as `gift` events): never coins.
      if (p.battles.apply(event)) b.dirty.add('battle');
      return;
    case 'liveIntro':
      // The intro's text is kept in the journal only; its host tells whose battle side is ours.
      if (event.host && p.battles.setStreamerUser(event.host)) b.dirty.add('battle');
      return;
    default: {
      // Every kind is routed above: a new kind must be decided here, not fall through unseen.
      const unrouted: never = event;
      return unrouted;
    }
  }
}
