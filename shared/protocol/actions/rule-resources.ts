/**
 * What a rule names that is not there: a sound or clip not in the library, a scene or source
 * OBS does not have, or OBS not connected (so its scenes cannot be checked). The panel shows
 * these beside the rule; such a rule still saves, and at run time its action fails on its own
 * while every other rule goes on.
 */
import type { ObsState } from './actions-data';
import type { ActionRule } from './rule-schema';

export const RESOURCE_PROBLEM_CODES = [
  'SOUND_NOT_FOUND',
  'CLIP_NOT_FOUND',
  'SCENE_NOT_FOUND',
  'SOURCE_NOT_FOUND',
  'OBS_NOT_CONNECTED',
] as const;
export type ResourceProblemCode = (typeof RESOURCE_PROBLEM_CODES)[number];

export interface ResourceProblem {
  code: ResourceProblemCode;
  /** `actions.<n>`: the action it is about. */
  path: string;
  message: string;
}

/** What exists, as the panel last heard it; null where it has not heard yet (nothing checked). */
export interface ActionInventory {
  obs: Pick<ObsState, 'status' | 'scenes' | 'inputs'> | null;
  sounds: readonly string[] | null;
  clips: readonly string[] | null;
}

export function ruleProblems(rule: ActionRule, inventory: ActionInventory): ResourceProblem[] {
  const problems: ResourceProblem[] = [];
  const obs = inventory.obs;
  const obsUp = obs?.status === 'connected';
  let obsNoted = false;
  rule.actions.forEach((action, index) => {
    const path = `actions.${index}`;
    const add = (code: ResourceProblemCode, message: string) =>
      problems.push({ code, path, message });
    switch (action.kind) {
      case 'sound':
        if (inventory.sounds && !inventory.sounds.includes(action.soundId)) {
          add('SOUND_NOT_FOUND', `the sound ${action.soundId} is not in the sound library`);
        }
        return;
      case 'clip':
        if (inventory.clips && !inventory.clips.includes(action.clipId)) {
          add('CLIP_NOT_FOUND', `the clip ${action.clipId} is not in the clip library`);
        }
        return;
      case 'obsScene':
      case 'obsSource':
      case 'obsText': {
        if (!obsUp) {
          if (!obsNoted)
            add('OBS_NOT_CONNECTED', 'OBS is not connected: its scenes cannot be checked');
          obsNoted = true;
          return;
        }
        const scenes = obs?.scenes ?? [];
        const sources = [...(obs?.inputs ?? []), ...scenes];
        if (action.kind !== 'obsText' && !scenes.includes(action.scene)) {
          add('SCENE_NOT_FOUND', `OBS has no scene "${action.scene}"`);
        }
        if (action.kind !== 'obsScene' && !sources.includes(action.source)) {
          add('SOURCE_NOT_FOUND', `OBS has no source "${action.source}"`);
        }
        return;
      }
      default:
        return;
    }
  });
  return problems;
}
