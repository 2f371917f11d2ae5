/**
 * How the live room feeds the actions engine and carries out what it starts: events, ledger
 * commits and the goal, poll and battle views become trigger facts; alert actions go to the
 * alert queue; every run that starts or fails is written to the audit log.
 */
import type { LiveEvent } from '../events/live-event';
import type { ActionRun } from '../protocol/actions/actions-data';
import type { ViewerBadge } from '../protocol/channel-data';
import { SAMPLE_VIEWER } from './actions/action-runs';
import type { LedgerCommit, LedgerStreak } from './ledger-port';
import type { RoomParts, UpdateBatch } from './room-parts';

/** A viewer as actions show them: filtered words in their name starred out. */
function shown(p: RoomParts, user: ViewerBadge) {
  return {
    id: user.id,
    handle: p.moderation.cleanName(user.handle),
    nickname: p.moderation.cleanName(user.nickname),
    avatarUrl: user.avatarUrl,
  };
}

/** A gift frame that was not a duplicate: rules counting per upgrade hear it. */
export function actionsOnStreak(p: RoomParts, streak: LedgerStreak) {
  p.actions.observe(
    {
      kind: 'gift',
      phase: 'upgrade',
      key: streak.key,
      viewer: shown(p, streak.user),
      gift: streak.gift.name,
      count: streak.count,
      coins: streak.count * streak.gift.coins,
    },
    p.facts.now,
  );
}

/** A streak committed: rules counting its final count hear it once (a late end adds nothing). */
export function actionsOnCommit(p: RoomParts, commit: LedgerCommit) {
  if (commit.reason === 'lateEnd') return;
  p.actions.observe(
    {
      kind: 'gift',
      phase: 'final',
      key: commit.key,
      viewer: shown(p, commit.user),
      gift: commit.gift.name,
      count: commit.totalUnits,
      coins: commit.totalUnits * commit.gift.coins,
    },
    p.facts.now,
  );
}

/** Follows, shares, subscriptions, joins, chat commands and the like total. */
export function actionsOnEvent(p: RoomParts, event: LiveEvent) {
  const now = p.facts.now;
  switch (event.kind) {
    case 'follow':
    case 'share':
    case 'subscribe':
      p.actions.observe({ kind: event.kind, viewer: shown(p, event.user) }, now);
      return;
    case 'join':
      // Anonymous joins name no account: nobody to greet or to hold a cooldown for.
      if (event.user) p.actions.observe({ kind: 'join', viewer: shown(p, event.user) }, now);
      return;
    case 'chat': {
      if (!event.text.trimStart().startsWith('!')) return;
      const filtered = p.moderation.filter(event.text);
      // A line the word filter blocks does not reach the overlays, so it fires nothing either.
      if (filtered.blocked) return;
      p.actions.observe(
        {
          kind: 'chat',
          viewer: shown(p, event.user),
          roles: event.user.roles,
          text: filtered.text,
        },
        now,
      );
      return;
    }
    case 'like':
      p.actions.observe({ kind: 'likes', total: p.metrics.state.likes }, now);
      return;
    default:
      return;
  }
}

/** Goals reached, polls ended and battles ended, read from the engines' views when they changed. */
export function actionsOnViews(p: RoomParts, b: UpdateBatch) {
  const now = p.facts.now;
  if (b.dirty.has('goals')) {
    for (const goal of p.goals.view().goals) {
      if (goal.reachedAt !== null) {
        p.actions.observe({ kind: 'goalReached', goalId: goal.id, label: goal.label }, now);
      }
    }
  }
  if (b.dirty.has('poll')) {
    const poll = p.polls.view().current;
    if (poll?.status === 'closed') {
      const winners = (poll.winners ?? [])
        .map((key) => poll.options.find((option) => option.key === key)?.label ?? key)
        .join(' / ');
      p.actions.observe({ kind: 'pollEnded', pollId: poll.id, winners }, now);
    }
  }
  if (b.dirty.has('battle')) {
    const battle = p.battles.view().current;
    const mine = battle?.sides.find((side) => side.streamer);
    if (battle?.status === 'ended' && mine?.result) {
      p.actions.observe({ kind: 'battle', battleId: battle.id, result: mine.result }, now);
    }
  }
}

function audit(p: RoomParts, action: string, run: ActionRun, detail: string) {
  p.moderation.record({
    at: p.facts.now,
    by: run.simulated ? 'actions (simulated)' : 'actions',
    role: 'actions',
    action,
    detail: `${run.ruleName}: ${detail}`.slice(0, 300),
  });
}

function runSummary(run: ActionRun): string {
  const who = run.viewer ? ` for ${run.viewer.nickname}` : '';
  return `${actionSummary(run.action)}${who}`;
}

function actionSummary(a: ActionRun['action']): string {
  switch (a.kind) {
    case 'sound':
      return `sound ${a.soundId}`;
    case 'clip':
      return `clip ${a.clipId}`;
    case 'alert':
      return `alert (${a.variant}${a.variant === 'gift' ? ` tier ${a.tier}` : ''})`;
    case 'text':
      return `text "${a.text}"`;
    case 'timer':
      return `${a.direction === 'down' ? 'countdown' : 'timer'} ${a.seconds} s "${a.label}"`;
    case 'obsScene':
      return `OBS scene "${a.scene}"`;
    case 'obsSource':
      return `OBS source "${a.source}" in "${a.scene}" for ${a.seconds} s`;
    case 'obsText':
      return `OBS text "${a.source}" = "${a.text}"`;
  }
}

/**
 * Moves what the actions engine changed into the batch: its updates, the channels to resend,
 * alert actions handed to the alert queue, and the audit log's lines for runs.
 */
export function flushActions(p: RoomParts, b: UpdateBatch) {
  const changes = p.actions.drain();
  for (const update of changes.updates) b.out.push(update);
  for (const run of changes.started) {
    audit(p, 'actions.run', run, runSummary(run));
    if (run.action.kind === 'alert') {
      const viewer = run.viewer ?? SAMPLE_VIEWER;
      const gift = run.values.gift ?? null;
      const tier = run.action.tier as 1 | 2 | 3 | 4 | 5;
      b.out.push(...p.alerts.fromAction(run.action.variant, tier, viewer, gift, p.facts.now));
    }
  }
  for (const record of changes.ended) {
    if (record.outcome === 'failed' && record.runId) {
      p.moderation.record({
        at: p.facts.now,
        by: 'actions',
        role: 'actions',
        action: 'actions.failed',
        detail: `${record.ruleName}: ${record.reason ?? 'failed'}`.slice(0, 300),
      });
    }
  }
  if (changes.started.length > 0 || changes.ended.some((r) => r.outcome === 'failed')) {
    b.dirty.add('moderation');
  }
  if (changes.changed) b.dirty.add('actions');
  if (changes.rulesChanged) b.dirty.add('actionRules');
}
