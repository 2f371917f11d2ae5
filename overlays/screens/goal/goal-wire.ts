/** Narrows inbound goals-channel payloads to the shapes drawn. */
import type { GoalsState, GoalView } from '../../../shared/protocol/channel-data';
import { isNumber, isRecord, isString, readList } from '../../stage/guards';

const KINDS: readonly GoalView['kind'][] = ['coins', 'likes', 'follows', 'shares', 'tiktok'];

export function readGoal(value: unknown): GoalView | null {
  if (!isRecord(value) || !isString(value.id) || !isString(value.label)) return null;
  if (!isNumber(value.target) || !isNumber(value.current)) return null;
  return {
    id: value.id,
    kind: KINDS.find((kind) => kind === value.kind) ?? 'coins',
    label: value.label,
    target: value.target,
    current: value.current,
    etaSeconds: isNumber(value.etaSeconds) ? value.etaSeconds : null,
    reachedAt: isNumber(value.reachedAt) ? value.reachedAt : null,
    ...(isString(value.unit) ? { unit: value.unit } : {}),
  };
}

export function readGoalsState(value: unknown): GoalsState | null {
  return isRecord(value) ? { goals: readList(value.goals, readGoal) } : null;
}
