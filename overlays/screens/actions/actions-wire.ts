/** Narrows the actions channel's payloads to the runs the actions overlay plays. */
import type { ActionRun } from '../../../shared/protocol/actions/actions-data';
import type { RuleAction } from '../../../shared/protocol/actions/rule-schema';
import { isNumber, isRecord, isString, readList, readViewer } from '../../stage/guards';

/** The actions this page plays (the rest run in OBS or the alert queue). */
export type OverlayAction = Extract<RuleAction, { kind: 'sound' | 'clip' | 'text' | 'timer' }>;
export type OverlayRun = Omit<ActionRun, 'action'> & { action: OverlayAction };

const num = (value: unknown, fallback: number) => (isNumber(value) ? value : fallback);

function readAction(value: unknown): OverlayAction | null {
  if (!isRecord(value)) return null;
  const volume = Math.min(1, Math.max(0, num(value.volume, 1)));
  const seconds = Math.max(0, num(value.seconds, 0));
  switch (value.kind) {
    case 'sound':
      return isString(value.soundId)
        ? { kind: 'sound', soundId: value.soundId, volume, seconds }
        : null;
    case 'clip':
      return isString(value.clipId)
        ? { kind: 'clip', clipId: value.clipId, volume, seconds }
        : null;
    case 'text':
      return isString(value.text) ? { kind: 'text', text: value.text, seconds } : null;
    case 'timer':
      return isString(value.label)
        ? {
            kind: 'timer',
            label: value.label,
            seconds,
            direction: value.direction === 'up' ? 'up' : 'down',
          }
        : null;
    default:
      return null;
  }
}

/** A run this page plays; null for other outputs' runs or a payload it cannot read. */
export function readOverlayRun(value: unknown): OverlayRun | null {
  if (!isRecord(value) || !isString(value.runId)) return null;
  const action = readAction(value.action);
  if (!action) return null;
  return {
    runId: value.runId,
    ruleId: isString(value.ruleId) ? value.ruleId : '',
    ruleName: isString(value.ruleName) ? value.ruleName : '',
    output: action.kind === 'timer' ? 'timer' : 'overlay',
    action,
    viewer: readViewer(value.viewer),
    values: {},
    simulated: value.simulated === true,
    firedAt: num(value.firedAt, 0),
    startedAt: isNumber(value.startedAt) ? value.startedAt : null,
    endsAt: isNumber(value.endsAt) ? value.endsAt : null,
  };
}

/** The runs running now that this page plays (from a snapshot or `actions.state`). */
export function readRunning(value: unknown): OverlayRun[] | null {
  if (!isRecord(value)) return null;
  return readList(value.running, readOverlayRun);
}

export function readEnd(value: unknown): string | null {
  return isRecord(value) && isString(value.runId) ? value.runId : null;
}
