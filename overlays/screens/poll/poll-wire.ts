/** Narrows inbound poll-channel payloads to the shapes drawn. */
import type { PollOptionView, PollState, PollView } from '../../../shared/protocol/channel-data';
import { isNumber, isRecord, isString, readList } from '../../stage/guards';

function readOption(value: unknown): PollOptionView | null {
  if (!isRecord(value) || !isString(value.key) || !isString(value.label)) return null;
  const votes = isNumber(value.votes) ? value.votes : 0;
  return {
    key: value.key,
    label: value.label,
    votes,
    score: isNumber(value.score) ? value.score : votes,
  };
}

export function readPollView(value: unknown): PollView | null {
  if (!isRecord(value) || !isString(value.id) || !isString(value.question)) return null;
  return {
    id: value.id,
    question: value.question,
    options: readList(value.options, readOption),
    status: value.status === 'closed' ? 'closed' : 'running',
    startedAt: isNumber(value.startedAt) ? value.startedAt : 0,
    endsAt: isNumber(value.endsAt) ? value.endsAt : null,
    visible: value.visible !== false,
    totalVoters: isNumber(value.totalVoters) ? value.totalVoters : 0,
    winners: Array.isArray(value.winners) ? value.winners.filter(isString) : null,
  };
}

export function readPollState(value: unknown): PollState | null {
  if (!isRecord(value)) return null;
  return { current: value.current == null ? null : readPollView(value.current) };
}
