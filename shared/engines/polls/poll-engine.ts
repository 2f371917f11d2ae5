/**
 * Polls: one current poll at a time, voted in chat; closed polls are kept for the report.
 * Scores are kept incrementally so a flood of votes costs O(1) each.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import type { PollState, PollView } from '../../protocol/channel-data';
import type { GiftVotes, LikeVotes, PollStartCommand } from '../../protocol/commands/poll';
import { clone } from '../json-state';
import {
  describeWeighting,
  giftVoteWeight,
  likeVoteWeight,
  optionKey,
  parseVote,
  type VoteBy,
} from './poll-votes';

interface PollVoter {
  option: number;
  giftCoins: number;
  likes: number;
  /** Gift and like votes currently added to `option`. */
  extra: number;
}

interface PollRecord {
  id: string;
  question: string;
  options: Array<{ key: string; label: string; votes: number; extra: number }>;
  voteBy: VoteBy;
  allowChange: boolean;
  giftVotes: GiftVotes | null;
  likeVotes: LikeVotes | null;
  status: 'running' | 'closed';
  startedAt: number;
  endsAt: number | null;
  closedAt: number | null;
  visible: boolean;
  totalVoters: number;
  winners: string[] | null;
  voters: Record<string, PollVoter>;
}

/** Exported state of the poll engine. */
export interface PollEngineState {
  seq: number;
  current: PollRecord | null;
  /** Closed polls, oldest first (the report's `polls`). */
  past: PollView[];
}

/** Scores within this are equal: sqrt weights are rounded to hundredths. */
const SCORE_EPSILON = 1e-6;

export function createPollEngine(saved?: PollEngineState) {
  const s: PollEngineState = saved ? clone(saved) : { seq: 0, current: null, past: [] };

  const view = (poll: PollRecord): PollView => ({
    id: poll.id,
    question: poll.question,
    options: poll.options.map((o) => ({
      key: o.key,
      label: o.label,
      votes: o.votes,
      score: Math.round((o.votes + o.extra) * 100) / 100,
    })),
    status: poll.status,
    startedAt: poll.startedAt,
    endsAt: poll.endsAt,
    closedAt: poll.closedAt,
    visible: poll.visible,
    totalVoters: poll.totalVoters,
    winners: poll.winners ? [...poll.winners] : null,
    weighting: describeWeighting(poll.voteBy, poll.allowChange, poll.giftVotes, poll.likeVotes),
  });

  /** The poll a command names (or the current one), or why not. */
  const target = (pollId: string | undefined): Ack<PollRecord> => {
    const poll = s.current;
    if (!poll || (pollId !== undefined && poll.id !== pollId)) {
      return fail('NOT_FOUND', pollId ? `poll ${pollId} is not the current poll` : 'no poll');
    }
    return ok(poll);
  };

  const running = (pollId: string | undefined): Ack<PollRecord> => {
    const found = target(pollId);
    if (found.ok && found.data.status !== 'running') {
      return fail('CONFLICT', `poll ${found.data.id} is already closed`);
    }
    return found;
  };

  const close = (poll: PollRecord, now: number) => {
    poll.status = 'closed';
    poll.closedAt = now;
    const scores = poll.options.map((o) => o.votes + o.extra);
    const best = Math.max(...scores);
    // Ties are reported as ties: every option at the top score wins.
    poll.winners =
      poll.totalVoters === 0
        ? []
        : poll.options.filter((_, i) => best - (scores[i] ?? 0) < SCORE_EPSILON).map((o) => o.key);
    s.past.push(view(poll));
  };

  const reweigh = (poll: PollRecord, voter: PollVoter) => {
    const extra =
      giftVoteWeight(voter.giftCoins, poll.giftVotes) + likeVoteWeight(voter.likes, poll.likeVotes);
    const option = poll.options[voter.option];
    if (!option || extra === voter.extra) return false;
    option.extra += extra - voter.extra;
    voter.extra = extra;
    return true;
  };

  const openPoll = () => (s.current?.status === 'running' ? s.current : null);

  return {
    start(cmd: PollStartCommand, now: number): Ack<PollView> {
      if (s.current?.status === 'running') {
        return fail('CONFLICT', `poll ${s.current.id} is still running: close it first`);
      }
      s.seq++;
      s.current = {
        id: `poll-${s.seq}`,
        question: cmd.question,
        options: cmd.options.map((o, i) => ({
          key: optionKey(cmd.voteBy, i, o.keyword ?? o.label),
          label: o.label,
          votes: 0,
          extra: 0,
        })),
        voteBy: cmd.voteBy,
        allowChange: cmd.allowChange,
        giftVotes: cmd.giftVotes,
        likeVotes: cmd.likeVotes,
        status: 'running',
        startedAt: now,
        endsAt: cmd.durationSeconds === null ? null : now + cmd.durationSeconds * 1000,
        closedAt: null,
        visible: cmd.visible,
        totalVoters: 0,
        winners: null,
        voters: {},
      };
      return ok(view(s.current));
    },

    /** Adds time; an open-ended poll gets a deadline `seconds` from now. */
    extend(pollId: string | undefined, seconds: number, now: number): Ack<PollView> {
      const found = running(pollId);
      if (!found.ok) return found;
      const poll = found.data;
      poll.endsAt = (poll.endsAt ?? now) + seconds * 1000;
      return ok(view(poll));
    },

    close(pollId: string | undefined, now: number): Ack<PollView> {
      const found = running(pollId);
      if (!found.ok) return found;
      close(found.data, now);
      return ok(view(found.data));
    },

    setVisible(pollId: string | undefined, visible: boolean): Ack<PollView> {
      const found = target(pollId);
      if (!found.ok) return found;
      found.data.visible = visible;
      return ok(view(found.data));
    },

    /** A chat line; true when it counted as a (changed) vote. */
    onChat(userId: string, text: string): boolean {
      const poll = openPoll();
      if (!poll) return false;
      const index = parseVote(
        text,
        poll.options.map((o) => o.key),
      );
      if (index < 0) return false;
      const voter = poll.voters[userId];
      if (!voter) {
        poll.voters[userId] = { option: index, giftCoins: 0, likes: 0, extra: 0 };
        poll.totalVoters++;
        (poll.options[index] as { votes: number }).votes++;
        return true;
      }
      if (!poll.allowChange || voter.option === index) return false;
      const from = poll.options[voter.option];
      const to = poll.options[index];
      if (!from || !to) return false;
      from.votes--;
      from.extra -= voter.extra;
      to.votes++;
      to.extra += voter.extra;
      voter.option = index;
      return true;
    },

    /** Committed gift coins from a viewer; they weigh on the option the viewer voted for. */
    onGiftCoins(userId: string, coins: number): boolean {
      const poll = openPoll();
      const voter = poll?.voters[userId];
      if (!poll?.giftVotes || !voter) return false;
      voter.giftCoins += coins;
      return reweigh(poll, voter);
    },

    /** Likes from a named viewer (per-message counts: a viewer's own likes have no total). */
    onLikes(userId: string, likes: number): boolean {
      const poll = openPoll();
      const voter = poll?.voters[userId];
      if (!poll?.likeVotes || !voter) return false;
      voter.likes += likes;
      return reweigh(poll, voter);
    },

    /** Closes a poll whose deadline passed; true when it did. */
    tick(now: number): boolean {
      const poll = openPoll();
      if (!poll || poll.endsAt === null || now < poll.endsAt) return false;
      close(poll, poll.endsAt);
      return true;
    },

    /** Closes a running poll at stream end. */
    closeRunning(now: number): boolean {
      const poll = openPoll();
      if (!poll) return false;
      close(poll, now);
      return true;
    },

    view(): PollState {
      return { current: s.current ? view(s.current) : null };
    },

    /** Every poll of the stream, closed ones first, then the running one. */
    reportPolls(): PollView[] {
      const open = openPoll();
      return [...s.past.map((p) => clone(p)), ...(open ? [view(open)] : [])];
    },

    exportState: (): PollEngineState => clone(s),
  };
}

export type PollEngine = ReturnType<typeof createPollEngine>;
