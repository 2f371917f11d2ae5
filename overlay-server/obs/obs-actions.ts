/**
 * Carries out the `obs` output of the action queue: a run that starts switches the program
 * scene, shows a source (hidden again when the run ends, its seconds later) or sets a text
 * source. Requests go out one at a time, in the order the runs started. A refusal from OBS
 * (no such scene or source) or a missing link is reported back on the run, so the panel shows
 * it and the queue moves on to the next rule.
 */
import type { ActionRun, ActionsUpdate } from '../../shared/protocol/actions/actions-data';
import type { ChannelUpdate } from '../../shared/protocol/channels';
import type { Logger } from '../log';
import { type ObsLink, ObsRequestError } from './obs-link';

/** obs-websocket's RequestStatus::ResourceNotFound. */
const RESOURCE_NOT_FOUND = 600;

export type OutcomeReport = (runId: string, succeeded: boolean, reason: string | null) => void;

/** A shown source waiting for its run to end, to be hidden again. */
interface ShownSource {
  sceneName: string;
  sceneItemId: number;
}

export function createObsActions(link: Pick<ObsLink, 'call'>, report: OutcomeReport, log: Logger) {
  /** One request after the other: a switch and a toggle never overtake each other. */
  let chain: Promise<void> = Promise.resolve();
  const shown = new Map<string, Promise<ShownSource | null>>();

  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work, work);
  };

  const failure = (run: ActionRun, error: unknown): string => {
    const a = run.action;
    if (error instanceof ObsRequestError && error.code === RESOURCE_NOT_FOUND) {
      if (a.kind === 'obsScene') return `OBS has no scene "${a.scene}"`;
      if (a.kind === 'obsSource') return `OBS has no source "${a.source}" in scene "${a.scene}"`;
      if (a.kind === 'obsText') return `OBS has no text source "${a.source}"`;
    }
    return error instanceof Error ? error.message : String(error);
  };

  /** Sends the run's requests; a shown source is returned, to be hidden when the run ends. */
  const perform = async (run: ActionRun): Promise<ShownSource | null> => {
    const a = run.action;
    if (a.kind === 'obsScene') {
      await link.call('SetCurrentProgramScene', { sceneName: a.scene });
    } else if (a.kind === 'obsText') {
      await link.call('SetInputSettings', { inputName: a.source, inputSettings: { text: a.text } });
    } else if (a.kind === 'obsSource') {
      const { sceneItemId } = await link.call('GetSceneItemId', {
        sceneName: a.scene,
        sourceName: a.source,
      });
      await link.call('SetSceneItemEnabled', {
        sceneName: a.scene,
        sceneItemId,
        sceneItemEnabled: true,
      });
      return { sceneName: a.scene, sceneItemId };
    }
    return null;
  };

  const start = (run: ActionRun) => {
    let settle: (value: ShownSource | null) => void = () => {};
    if (run.action.kind === 'obsSource') {
      shown.set(run.runId, new Promise((resolve) => (settle = resolve)));
    }
    enqueue(async () => {
      try {
        settle(await perform(run));
      } catch (error) {
        settle(null);
        const reason = failure(run, error);
        log.warn('OBS action failed', { rule: run.ruleName, runId: run.runId, reason });
        report(run.runId, false, reason);
      }
    });
  };

  const end = (runId: string) => {
    const pending = shown.get(runId);
    if (!pending) return;
    shown.delete(runId);
    enqueue(async () => {
      const source = await pending;
      if (!source) return;
      try {
        await link.call('SetSceneItemEnabled', { ...source, sceneItemEnabled: false });
      } catch (error) {
        log.warn('OBS could not hide a source again', { runId, error: String(error) });
      }
    });
  };

  return {
    /** Every batch of updates the relay sends: the `obs` output's starts and ends. */
    onUpdates(updates: readonly ChannelUpdate[]) {
      for (const update of updates) {
        if (update.channel !== 'actions') continue;
        const typed = update as ActionsUpdate;
        if (typed.type === 'action.start' && typed.data.output === 'obs') start(typed.data);
        else if (typed.type === 'action.end') end(typed.data.runId);
      }
    },
    /** Resolves once every request asked for so far was answered (tests, shutdown). */
    settled: () => chain,
  };
}
