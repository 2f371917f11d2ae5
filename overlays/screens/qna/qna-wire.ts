/** Narrows inbound Q&A-channel payloads to the shapes drawn. */
import type { QnaState, QuestionStatus, QuestionView } from '../../../shared/protocol/channel-data';
import { isNumber, isRecord, isString, readList, readViewer } from '../../stage/guards';

const STATUSES: readonly QuestionStatus[] = [
  'pending',
  'approved',
  'onScreen',
  'answered',
  'dismissed',
];

export function readQuestion(value: unknown): QuestionView | null {
  if (!isRecord(value) || !isString(value.id) || !isString(value.text)) return null;
  const user = readViewer(value.user);
  if (!user) return null;
  return {
    id: value.id,
    text: value.text,
    user,
    status: STATUSES.find((status) => status === value.status) ?? 'onScreen',
    upvotes: isNumber(value.upvotes) ? value.upvotes : 0,
    merged: isNumber(value.merged) ? value.merged : 0,
    askedAt: isNumber(value.askedAt) ? value.askedAt : 0,
  };
}

export function readQnaState(value: unknown): QnaState | null {
  if (!isRecord(value)) return null;
  return {
    onScreen: value.onScreen == null ? null : readQuestion(value.onScreen),
    questions: readList(value.questions, readQuestion),
  };
}
