/** Which runs of the actions channel this page plays: sounds, clips, texts and timers. */
import type { ActionRun } from '../../../shared/protocol/actions/actions-data';
import type { RuleAction } from '../../../shared/protocol/actions/rule-schema';

/** The actions this page plays (the rest run in OBS or the alert queue). */
export type OverlayAction = Extract<RuleAction, { kind: 'sound' | 'clip' | 'text' | 'timer' }>;
export type OverlayRun = Omit<ActionRun, 'action'> & { action: OverlayAction };

const OVERLAY_KINDS: ReadonlySet<RuleAction['kind']> = new Set(['sound', 'clip', 'text', 'timer']);

export const isOverlayRun = (run: ActionRun): run is OverlayRun =>
  OVERLAY_KINDS.has(run.action.kind);
