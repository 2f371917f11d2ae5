/**
 * The run queue: actions wait in the order their rules fired and start as soon as their output
 * has room (at most N at a time per output, the owner's setting); each holds its output for its
 * seconds of stream time. Every run ends in the history: done, skipped, failed or cleared, with
 * the reason. Stream time only, so the journal replays it exactly.
 */
import type {
  ActionRun,
  ActionsUpdate,
  RunOutcome,
  RunRecord,
} from '../../protocol/actions/actions-data';
import { type ActionSettings, holdSeconds } from '../../protocol/actions/rule-schema';

/** The latest outcomes kept for the panel. */
export const HISTORY_KEPT = 100;

export interface RunQueueState {
  queue: ActionRun[];
  running: ActionRun[];
  history: RunRecord[];
}

/** What a queue call changed: updates for the `actions` channel, and the runs that started. */
export interface QueueChanges {
  updates: ActionsUpdate[];
  started: ActionRun[];
  ended: RunRecord[];
  /** Whether the queue's view changed (resend `actions.state`). */
  changed: boolean;
}

export const noChanges = (): QueueChanges => ({
  updates: [],
  started: [],
  ended: [],
  changed: false,
});

export function createRunQueue(s: RunQueueState, settings: () => ActionSettings) {
  const remember = (record: RunRecord, changes: QueueChanges) => {
    s.history.push(record);
    if (s.history.length > HISTORY_KEPT) s.history.splice(0, s.history.length - HISTORY_KEPT);
    changes.ended.push(record);
    changes.changed = true;
  };

  const recordOf = (run: ActionRun, at: number, outcome: RunOutcome, reason: string | null) => ({
    runId: run.runId,
    ruleId: run.ruleId,
    ruleName: run.ruleName,
    actionKind: run.action.kind,
    viewer: run.viewer?.nickname ?? null,
    at,
    outcome,
    reason,
    simulated: run.simulated,
  });

  const end = (
    run: ActionRun,
    at: number,
    outcome: RunOutcome,
    reason: string | null,
    changes: QueueChanges,
  ) => {
    s.running = s.running.filter((r) => r.runId !== run.runId);
    changes.updates.push({
      channel: 'actions',
      type: 'action.end',
      data: { runId: run.runId, outcome, reason },
    });
    remember(recordOf(run, at, outcome, reason), changes);
  };

  /** Ends what ran its time and starts what has room, as of `now`. */
  const pump = (now: number, changes: QueueChanges) => {
    for (const run of [...s.running]) {
      if (run.endsAt !== null && run.endsAt <= now) end(run, run.endsAt, 'done', null, changes);
    }
    const limits = settings().concurrency;
    const waiting: ActionRun[] = [];
    for (const run of s.queue) {
      const busy = s.running.filter((r) => r.output === run.output).length;
      if (busy >= limits[run.output]) {
        waiting.push(run);
        continue;
      }
      run.startedAt = now;
      run.endsAt = now + Math.round(holdSeconds(run.action) * 1000);
      s.running.push(run);
      changes.started.push(run);
      changes.updates.push({ channel: 'actions', type: 'action.start', data: run });
      changes.changed = true;
      // Done at once (a scene switch): it leaves its output free for the next in line.
      if (run.endsAt <= now) end(run, now, 'done', null, changes);
    }
    if (waiting.length !== s.queue.length) changes.changed = true;
    s.queue = waiting;
  };

  return {
    /** Adds fired actions in order, skipping (with the reason) what the full queue cannot hold. */
    enqueue(runs: readonly ActionRun[], now: number, changes: QueueChanges) {
      for (const run of runs) {
        if (s.queue.length >= settings().maxQueue) {
          remember(recordOf(run, now, 'skipped', 'the queue is full'), changes);
          continue;
        }
        s.queue.push(run);
        changes.changed = true;
      }
      pump(now, changes);
    },

    /** A trigger that did not become runs (a cooldown held, a command from the wrong viewer). */
    note(record: RunRecord, changes: QueueChanges) {
      remember(record, changes);
    },

    pump,

    /** Skips a waiting or running action; no id: the oldest waiting one. */
    skip(runId: string | undefined, by: string, now: number, changes: QueueChanges): boolean {
      const waiting = runId ? s.queue.find((r) => r.runId === runId) : s.queue[0];
      if (waiting) {
        s.queue = s.queue.filter((r) => r !== waiting);
        remember(recordOf(waiting, now, 'skipped', `skipped by ${by}`), changes);
      } else {
        const running = s.running.find((r) => r.runId === runId);
        if (!running) return false;
        end(running, now, 'skipped', `stopped by ${by}`, changes);
      }
      pump(now, changes);
      return true;
    },

    clear(by: string, now: number, changes: QueueChanges): number {
      const cleared = s.queue;
      s.queue = [];
      for (const run of cleared)
        remember(recordOf(run, now, 'cleared', `cleared by ${by}`), changes);
      return cleared.length;
    },

    /** An output's word on a run: a failure ends it now (or marks it failed if it was done). */
    fail(runId: string, reason: string, now: number, changes: QueueChanges): boolean {
      const running = s.running.find((r) => r.runId === runId);
      if (running) {
        end(running, now, 'failed', reason, changes);
        pump(now, changes);
        return true;
      }
      const past = s.history.find((r) => r.runId === runId);
      if (!past) return false;
      past.outcome = 'failed';
      past.reason = reason;
      changes.ended.push(past);
      changes.changed = true;
      return true;
    },

    /** Runs of a removed rule stop waiting. */
    dropRule(ruleId: string, now: number, changes: QueueChanges) {
      const dropped = s.queue.filter((r) => r.ruleId === ruleId);
      if (dropped.length === 0) return;
      s.queue = s.queue.filter((r) => r.ruleId !== ruleId);
      for (const run of dropped)
        remember(recordOf(run, now, 'skipped', 'its rule was removed'), changes);
    },

    view: () => ({ queue: s.queue, running: s.running, history: s.history }),
  };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
