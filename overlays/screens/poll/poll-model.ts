/**
 * What the poll overlay draws for a PollView: each option's share of the score, who leads,
 * and whether the lead is a tie. Pure, unit-tested.
 */
import type { PollView } from '../../../shared/protocol/channel-data';

export interface PollRow {
  key: string;
  label: string;
  votes: number;
  /** 0–1 share of the total score (0 when nobody voted). */
  share: number;
  /** Leading (running) or winning (closed); several rows when tied. */
  leading: boolean;
}

export interface PollModel {
  rows: PollRow[];
  /** More than one option shares the top score (above zero). */
  tie: boolean;
  closed: boolean;
  /** "12 voters · type 1, 2 or 3", "Tie!", "Winner: Pizza". */
  footer: string;
}

export function pollModel(poll: PollView): PollModel {
  const total = poll.options.reduce((sum, option) => sum + Math.max(0, option.score), 0);
  const top = Math.max(0, ...poll.options.map((option) => option.score));
  const closed = poll.status === 'closed';
  const leaders =
    closed && poll.winners
      ? new Set(poll.winners)
      : new Set(top > 0 ? poll.options.filter((o) => o.score === top).map((o) => o.key) : []);
  const rows = poll.options.map((option) => ({
    key: option.key,
    label: option.label,
    votes: option.votes,
    share: total > 0 ? Math.max(0, option.score) / total : 0,
    leading: leaders.has(option.key),
  }));
  const tie = leaders.size > 1;
  const voters = `${poll.totalVoters} ${poll.totalVoters === 1 ? 'voter' : 'voters'}`;
  let footer: string;
  if (closed) {
    const winners = rows.filter((row) => row.leading).map((row) => row.label);
    footer =
      winners.length === 0
        ? `Closed · ${voters}`
        : tie
          ? `Tie: ${winners.join(' & ')} · ${voters}`
          : `Winner: ${winners[0]} · ${voters}`;
  } else {
    footer = `${voters} · type ${keysHint(poll.options.map((option) => option.key))} in chat`;
  }
  return { rows, tie, closed, footer };
}

function keysHint(keys: string[]): string {
  if (keys.length <= 1) return keys.join('');
  return `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`;
}

/** "57%" — rounded, never "NaN%". */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * Seconds left in a timed poll, by this machine's clock; null when the poll is not running,
 * has no deadline, or the clocks disagree (a replay's stream time is not the wall clock).
 */
export function pollSecondsLeft(poll: PollView, nowMs: number): number | null {
  if (poll.status !== 'running' || poll.endsAt === null) return null;
  const left = (poll.endsAt - nowMs) / 1000;
  const duration = (poll.endsAt - poll.startedAt) / 1000;
  if (left < 0 || left > duration + 5) return null;
  return left;
}
