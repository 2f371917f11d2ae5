/**
 * What the actions channels carry. `actions` is the live queue: what waits, what runs (the
 * actions overlay plays what runs on its outputs) and what ran, was skipped or failed.
 * `actionRules` is the rule set and its settings, for panels only. `obs` is the link to OBS
 * (never its password), for panels only.
 */

import type { ActionKind, ActionRule, ActionSettings, RuleAction } from './rule-schema';
import type { ActionOutput } from './rule-words';
import type { TemplateValues } from './templates';

/** The viewer who fired a rule, as overlays draw viewers (same shape as `ViewerBadge`). */
export interface ActionViewer {
  id: string;
  handle: string;
  nickname: string;
  avatarUrl: string | null;
}

/** One action of a fired rule, waiting or running. */
export interface ActionRun {
  runId: string;
  ruleId: string;
  ruleName: string;
  output: ActionOutput;
  /** The action with its texts filled in with the viewer's fields (plain text). */
  action: RuleAction;
  /** Who fired it; null for triggers without a viewer (a likes milestone, a poll's end). */
  viewer: ActionViewer | null;
  /** The fields its texts were filled with (the gift's name for an alert, …). */
  values: TemplateValues;
  /** Run from the panel's "simulate", without a real event. */
  simulated: boolean;
  /** Stream time the trigger fired, epoch ms. */
  firedAt: number;
  /** Stream time it started and ends; null while it waits. */
  startedAt: number | null;
  endsAt: number | null;
}

/** How a run (or a trigger that did not run) ended. */
export type RunOutcome =
  /** It ran its time (or was done at once). */
  | 'done'
  /** It did not run: a cooldown held, the queue was full, a moderator skipped it, … */
  | 'skipped'
  /** It ran but its output failed (OBS refused, the sound is gone, …). */
  | 'failed'
  /** A moderator cleared the queue it waited in. */
  | 'cleared';

/** One line of the run history, newest last. */
export interface RunRecord {
  /** Null for a trigger that never became a run (a cooldown held). */
  runId: string | null;
  ruleId: string;
  ruleName: string;
  actionKind: ActionKind | null;
  /** The viewer's display name, when a viewer fired it. */
  viewer: string | null;
  at: number;
  outcome: RunOutcome;
  /** Why it was skipped or failed, in words. */
  reason: string | null;
  simulated: boolean;
}

export interface ActionsState {
  /** Waiting, oldest first. */
  queue: ActionRun[];
  /** Running now, on every output. */
  running: ActionRun[];
  /** The latest outcomes, oldest first. */
  history: RunRecord[];
}

export interface ActionRulesState {
  rules: ActionRule[];
  settings: ActionSettings;
}

export type ActionsUpdate =
  | { channel: 'actions'; type: 'action.start'; data: ActionRun }
  | {
      channel: 'actions';
      type: 'action.end';
      data: { runId: string; outcome: RunOutcome; reason: string | null };
    }
  | { channel: 'actions'; type: 'actions.state'; data: ActionsState };

/** How the server's link to OBS (obs-websocket 5) stands. */
export type ObsLinkStatus =
  /** No address set, or switched off by the owner. */
  | 'off'
  | 'connecting'
  | 'connected'
  /** OBS did not answer; the server retries with backoff (`retryAt`). */
  | 'unreachable'
  /** OBS refused the password; no retry until the owner changes it. */
  | 'refused';

export interface ObsState {
  status: ObsLinkStatus;
  enabled: boolean;
  /** `ws://host:port`; null until the owner sets one. */
  address: string | null;
  /** Whether a password is stored. The password itself never leaves the server. */
  passwordSet: boolean;
  /** Why it is not connected, in words; null when connected or off. */
  detail: string | null;
  /** Wall time of the next attempt, epoch ms; null when none is scheduled. */
  retryAt: number | null;
  /** What OBS has, read at connect and when OBS says they changed; empty while not connected. */
  scenes: string[];
  /** Inputs (sources) by name, text sources among them. */
  inputs: string[];
}

/** A video clip the owner uploaded for actions, stored in the server's config folder. */
export interface ClipFile {
  /** What rules name and overlays fetch (`/clips/<id>`): a content hash and the type's extension. */
  id: string;
  /** The uploaded file's name, for the panel. */
  name: string;
  /** Its type, read from its content: video/mp4 or video/webm. */
  type: string;
  bytes: number;
}

export interface ClipsState {
  clips: ClipFile[];
}
