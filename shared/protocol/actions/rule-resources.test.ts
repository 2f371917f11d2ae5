import { describe, expect, it } from 'vitest';
import { ruleProblems } from './rule-resources';
import type { ActionRule } from './rule-schema';

const rule: ActionRule = {
  id: 'rule-1',
  name: 'Everything',
  enabled: true,
  trigger: { kind: 'follow' },
  cooldown: { perUserSeconds: 0, globalSeconds: 0 },
  actions: [
    { kind: 'sound', soundId: 'gone.wav', volume: 1, seconds: 3 },
    { kind: 'clip', clipId: 'wave.webm', volume: 1, seconds: 5 },
    { kind: 'obsScene', scene: 'Party' },
    { kind: 'obsSource', scene: 'Main', source: 'Confetti', seconds: 3 },
    { kind: 'obsText', source: 'Title', text: 'hi' },
  ],
};

describe('rule problems', () => {
  it('names each missing sound, clip, scene and source by its action', () => {
    const problems = ruleProblems(rule, {
      sounds: ['other.wav'],
      clips: ['wave.webm'],
      obs: { status: 'connected', scenes: ['Main'], inputs: ['Camera'] },
    });
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'SOUND_NOT_FOUND actions.0',
      'SCENE_NOT_FOUND actions.2',
      'SOURCE_NOT_FOUND actions.3',
      'SOURCE_NOT_FOUND actions.4',
    ]);
    expect(problems[1]?.message).toBe('OBS has no scene "Party"');
  });

  it('says once that OBS cannot be checked while it is not connected, and checks nothing unheard', () => {
    const problems = ruleProblems(rule, {
      sounds: null,
      clips: null,
      obs: { status: 'unreachable', scenes: [], inputs: [] },
    });
    expect(problems.map((p) => p.code)).toEqual(['OBS_NOT_CONNECTED']);
  });
});
