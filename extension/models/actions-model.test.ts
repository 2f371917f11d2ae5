import { describe, expect, it } from 'vitest';
import { DEFAULT_SOUND_SETTINGS } from '../../shared/protocol/sounds';
import { LINK, setup } from '../../tests/support/panel-models';

const rule = {
  id: 'rule-1',
  name: 'Party',
  enabled: true,
  trigger: { kind: 'follow' },
  cooldown: { perUserSeconds: 0, globalSeconds: 0 },
  actions: [{ kind: 'obsScene', scene: 'Party' }],
};

async function connected(role: 'owner' | 'moderator') {
  const panel = setup();
  await panel.models.connection.pair(LINK);
  panel.transport.accept(role);
  return panel;
}

describe('actions model', () => {
  it('says what a rule names that OBS does not have, as OBS reports it', async () => {
    const { transport, models } = await connected('owner');
    transport.pushSnapshot({
      channels: {
        actionRules: {
          rules: [rule],
          settings: {
            moderatorsEditRules: false,
            concurrency: { overlay: 1, timer: 1, obs: 1, alerts: 1 },
            maxQueue: 50,
          },
        },
        obs: {
          status: 'connected',
          enabled: true,
          address: 'ws://127.0.0.1:4455',
          passwordSet: true,
          detail: null,
          retryAt: null,
          scenes: ['Main'],
          inputs: [],
        },
      },
    });
    expect(models.actions.problems.value.get('rule-1')?.map((p) => p.code)).toEqual([
      'SCENE_NOT_FOUND',
    ]);
    transport.pushUpdates([
      {
        channel: 'obs',
        type: 'obs.state',
        data: { ...models.actions.obs.value, scenes: ['Main', 'Party'] },
      },
    ]);
    expect(models.actions.problems.value.get('rule-1')).toEqual([]);
  });

  it("marks a sound missing that is neither uploaded nor bundled, once the server's list came", async () => {
    const { transport, models } = await connected('owner');
    const uploaded = `${'d'.repeat(32)}.wav`;
    const ding = {
      ...rule,
      actions: [
        { kind: 'sound', soundId: 'ding.wav', volume: 1, seconds: 3 },
        { kind: 'sound', soundId: uploaded, volume: 1, seconds: 3 },
        { kind: 'sound', soundId: 'tier-5', volume: 1, seconds: 3 },
      ],
    };
    transport.pushSnapshot({
      channels: {
        actionRules: {
          rules: [ding],
          settings: {
            moderatorsEditRules: false,
            concurrency: { overlay: 1, timer: 1, obs: 1, alerts: 1 },
            maxQueue: 50,
          },
        },
      },
    });
    // Nothing is checked before the server listed its sounds.
    expect(models.actions.problems.value.get('rule-1')).toEqual([]);
    transport.pushUpdates([
      {
        channel: 'sounds',
        type: 'sounds.state',
        data: {
          sounds: [{ id: uploaded, name: 'ding.wav', type: 'audio/wav', bytes: 10 }],
          settings: DEFAULT_SOUND_SETTINGS,
        },
      },
    ]);
    expect(models.actions.problems.value.get('rule-1')).toEqual([
      {
        code: 'SOUND_NOT_FOUND',
        path: 'actions.0',
        message: 'the sound ding.wav is not in the sound library',
      },
    ]);
  });

  it('checks an import before sending it, and sends only a whole good file', async () => {
    const { transport, models } = await connected('owner');
    expect(await models.actions.importRules('{not json', 'merge')).toMatchObject({
      ok: false,
      issues: [{ code: 'FILE_INVALID' }],
    });
    const bad = JSON.stringify({
      limelight: 'actions',
      version: 1,
      rules: [{ ...rule, name: '' }],
    });
    expect(await models.actions.importRules(bad, 'merge')).toMatchObject({
      ok: false,
      issues: [{ code: 'NAME_INVALID', path: 'rules.0.name' }],
    });
    expect(transport.sent).toEqual([]);
    const good = JSON.stringify({ limelight: 'actions', version: 1, rules: [rule] });
    expect(await models.actions.importRules(good, 'replace')).toEqual({ ok: true, rules: 1 });
    expect(transport.sent).toEqual([
      { type: 'actions.importRules', rules: [rule], mode: 'replace' },
    ]);
  });

  it('lets a moderator edit only when the owner allows it', async () => {
    const { transport, models } = await connected('moderator');
    const settings = {
      moderatorsEditRules: false,
      concurrency: { overlay: 1, timer: 1, obs: 1, alerts: 1 },
      maxQueue: 50,
    };
    transport.pushSnapshot({ channels: { actionRules: { rules: [], settings } } });
    expect(models.actions.canEdit.value).toBe(false);
    transport.pushSnapshot({
      channels: {
        actionRules: { rules: [], settings: { ...settings, moderatorsEditRules: true } },
      },
    });
    expect(models.actions.canEdit.value).toBe(true);
  });
});
