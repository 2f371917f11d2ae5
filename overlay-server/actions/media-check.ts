/**
 * The overlay output's check at the server: an action that plays a clip or a sound the stream's
 * library does not have (an upload removed, a name mistyped) is reported failed on its run as it
 * starts (journaled like OBS's refusals), so the panel says what is missing and the queue moves
 * on; the overlay would only have met a 404. A sound is an upload or a bundled tier sound.
 */
import type { ActionsUpdate } from '../../shared/protocol/actions/actions-data';
import type { ChannelUpdate } from '../../shared/protocol/channels';
import type { ClipLibrary } from '../clips/clip-library';
import type { OutcomeReport } from '../obs/obs-actions';
import type { SoundLibrary } from '../sounds/sound-library';

export function createMediaCheck(
  clips: Pick<ClipLibrary, 'filePath'>,
  sounds: Pick<SoundLibrary, 'has'>,
  report: OutcomeReport,
) {
  return (updates: readonly ChannelUpdate[]) => {
    for (const update of updates) {
      if (update.type !== 'action.start') continue;
      const run = (update as Extract<ActionsUpdate, { type: 'action.start' }>).data;
      const action = run.action;
      const missing =
        action.kind === 'clip' && !clips.filePath(action.clipId)
          ? `the clip ${action.clipId} is not in the clip library`
          : action.kind === 'sound' && !sounds.has(action.soundId)
            ? `the sound ${action.soundId} is not in the sound library`
            : null;
      // After this turn: the run's start must reach the journal and watchers first.
      if (missing) queueMicrotask(() => report(run.runId, false, missing));
    }
  };
}
