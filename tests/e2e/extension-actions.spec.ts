/**
 * The Actions tab of the real extension (loaded unpacked) against a real server: a rule is made
 * in the editor (its mistakes shown with their codes), simulated, fired by a real chat command,
 * exported and imported back; a rule naming a scene, source, clip or sound that is not there says
 * so and fails alone while the others run; OBS unreachable is shown with a reconnect button; moderators
 * edit rules only when the owner allows.
 */
import { readFileSync } from 'node:fs';
import { script, viewer } from '../support/engine-events';
import { type FakeObs, startFakeObs } from '../support/fake-obs';
import { expect, pair, pairingLink, test } from './support/extension';

test('a rule is created, simulated, fired by chat, exported and imported', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  await ingest.send([s.streamStart()]);
  await panel.getByTestId('tab-actions').click();
  await expect(panel.getByTestId('rules-empty')).toBeVisible();

  await panel.getByTestId('rule-new').click();
  await panel.getByTestId('rule-name').fill('Dance party');
  await panel.getByTestId('trigger-kind').selectOption('command');
  await panel.getByTestId('trigger-command').fill('dance');
  const issue = panel.getByTestId('rule-editor').getByTestId('rule-issue');
  await expect(issue).toHaveAttribute('data-code', 'COMMAND_INVALID');
  await expect(panel.getByTestId('rule-save')).toBeDisabled();
  await panel.getByTestId('trigger-command').fill('!dance');
  await panel.getByTestId('trigger-allowed').selectOption('followers');
  await panel.getByTestId('action-text-0').fill('Go {nickname} {bogus}');
  await expect(issue).toHaveAttribute('data-code', 'TEMPLATE_FIELD_UNKNOWN');
  await panel.getByTestId('action-text-0').fill('Go {nickname}, go!');
  // Long enough that the next viewer's text is still waiting when the test looks.
  await panel.getByTestId('action-seconds-0').fill('120');
  await panel.getByTestId('action-add').selectOption('obsScene');
  await panel.getByTestId('action-scene-1').fill('Dance floor');
  await expect(issue).toHaveCount(0);
  await panel.getByTestId('rule-save').click();

  const rule = panel.locator('[data-testid^="rule-rule-"]');
  await expect(rule).toHaveCount(1);
  await expect(rule).toContainText('Dance party');
  await expect(rule).toContainText('!dance (followers) → text, obsScene');
  // OBS is off: the rule says its scene cannot be checked, and still saves and runs.
  await expect(rule.getByTestId('rule-problem')).toHaveAttribute('data-code', 'OBS_NOT_CONNECTED');

  await rule.getByRole('button', { name: 'Simulate' }).click();
  const history = panel.getByTestId('actions-history');
  await expect(history.locator('[data-outcome="failed"]')).toContainText(
    'Dance party · obsScene · Sample Viewer · failed (simulated) — OBS is not connected (off)',
  );
  await expect(panel.getByTestId('actions-running')).toContainText(
    'Dance party · text · Sample Viewer',
  );

  // A real viewer: a follower's !dance fires it; a stranger's is noted, not run.
  const fan = viewer('fan', {
    nickname: '<b>Fan</b>',
    roles: {
      moderator: false,
      subscriber: false,
      follower: true,
      topGifterRank: null,
      gifterLevel: null,
    },
  });
  await ingest.send([s.chat(viewer('stranger'), '!dance'), s.chat(fan, '!DANCE now')]);
  await expect(history).toContainText('!dance is for followers only');
  await expect(panel.getByTestId('actions-waiting')).toContainText(
    'Dance party · text · <b>Fan</b>',
  );
  await panel.getByTestId('tab-moderation').click();
  await expect(panel.getByTestId('moderation-audit')).toContainText(
    'Dance party: text "Go Sample Viewer, go!" for Sample Viewer',
  );
  await panel.getByTestId('tab-actions').click();

  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByTestId('rules-export').click(),
  ]);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({
    limelight: 'actions',
    version: 1,
    rules: [
      {
        name: 'Dance party',
        trigger: { kind: 'command', command: '!dance', allowed: 'followers' },
        actions: [
          { kind: 'text', text: 'Go {nickname}, go!' },
          { kind: 'obsScene', scene: 'Dance floor' },
        ],
      },
    ],
  });

  await rule.getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByTestId('rules-empty')).toBeVisible();

  const input = panel.getByTestId('rules-import');
  const broken = JSON.parse(exported);
  broken.rules[0].trigger.kind = 'teleport';
  broken.rules.push({ name: '', actions: [] });
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const result = panel.getByTestId('rules-import-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result.getByTestId('import-issue')).toHaveText([
    /^TRIGGER_UNKNOWN at rules\.0\.trigger\.kind/,
    /^NAME_INVALID at rules\.1\.name/,
    /^TRIGGER_UNKNOWN at rules\.1\.trigger/,
    /^ACTIONS_EMPTY at rules\.1\.actions/,
  ]);
  await expect(panel.getByTestId('rules-empty')).toBeVisible();

  await input.setInputFiles({
    name: 'actions.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toContainText('Imported 1 rules from actions.json.');
  await expect(rule).toContainText('Dance party');
});

test('OBS unreachable is shown with reconnect; moderators edit rules once the owner allows', async ({
  openPairedPanel,
  server,
}) => {
  const panel = await openPairedPanel('owner');
  await panel.getByTestId('tab-actions').click();
  await panel.getByTestId('obs-address').fill('ws://127.0.0.1:9');
  await panel.getByTestId('obs-password').fill('hunter2-obs');
  await panel.getByTestId('obs-save').click();
  await expect(panel.getByTestId('obs-status')).toHaveAttribute('data-status', 'unreachable');
  await expect(panel.getByTestId('obs-detail')).toContainText(
    'OBS did not answer at ws://127.0.0.1:9',
  );
  await expect(panel.getByTestId('obs-reconnect')).toBeVisible();
  await expect(panel.getByTestId('obs-password')).toHaveValue('');
  await expect(panel.getByTestId('obs-password')).toHaveAttribute(
    'placeholder',
    'stored — type to change',
  );

  // The panel keeps one pairing: it pairs again (Settings) to act as the other role.
  const as = async (role: 'owner' | 'moderator') => {
    await panel.getByTestId('tab-settings').click();
    await pair(panel, pairingLink(server, role));
    await panel.getByTestId('tab-actions').click();
  };
  await as('moderator');
  await expect(panel.getByTestId('obs-status')).toHaveAttribute('data-status', 'unreachable');
  await expect(panel.getByTestId('obs-address')).toHaveCount(0);
  await expect(panel.getByTestId('rule-new')).toHaveCount(0);
  await expect(panel.getByTestId('actions-moderators-edit')).toBeDisabled();

  await as('owner');
  await panel.getByTestId('actions-moderators-edit').check();
  await expect(panel.getByTestId('actions-moderators-edit')).toBeChecked();

  await as('moderator');
  await panel.getByTestId('rule-new').click();
  await panel.getByTestId('rule-name').fill('Mod rule');
  await panel.getByTestId('rule-save').click();
  await expect(panel.locator('[data-testid^="rule-rule-"]')).toContainText('Mod rule');
});

test('a rule naming a missing scene, source, clip or sound says so in the panel, and the others still run', async ({
  openPairedPanel,
  ingest,
}) => {
  const obs: FakeObs = await startFakeObs({
    password: 'obs-secret',
    scenes: { Main: { Confetti: 7 }, Stage: {} },
    // OBS lists every source that is not a scene among its inputs, Confetti too.
    inputs: ['Title', 'Confetti'],
  });
  try {
    const panel = await openPairedPanel('owner');
    const s = script(Date.now());
    await ingest.send([s.streamStart()]);
    await panel.getByTestId('tab-actions').click();
    await panel.getByTestId('obs-address').fill(obs.url);
    await panel.getByTestId('obs-password').fill('obs-secret');
    await panel.getByTestId('obs-save').click();
    await expect(panel.getByTestId('obs-status')).toHaveAttribute('data-status', 'connected');

    // Five rules for one follow, imported through the panel: four name what is not there (no
    // ding.wav was uploaded, and it is no bundled tier sound).
    const follow = { kind: 'follow' };
    const rules = [
      { name: 'Lost scene', trigger: follow, actions: [{ kind: 'obsScene', scene: 'Nope' }] },
      {
        name: 'Lost source',
        trigger: follow,
        actions: [{ kind: 'obsSource', scene: 'Main', source: 'Ghost', seconds: 1 }],
      },
      { name: 'Lost clip', trigger: follow, actions: [{ kind: 'clip', clipId: 'gone.webm' }] },
      { name: 'Lost sound', trigger: follow, actions: [{ kind: 'sound', soundId: 'ding.wav' }] },
      {
        name: 'To the stage',
        trigger: follow,
        actions: [
          { kind: 'obsScene', scene: 'Stage' },
          { kind: 'obsSource', scene: 'Main', source: 'Confetti', seconds: 1 },
        ],
      },
    ];
    await panel.getByTestId('rules-import').setInputFiles({
      name: 'rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ limelight: 'actions', version: 1, rules })),
    });
    await expect(panel.getByTestId('rules-import-result')).toHaveAttribute('data-ok', 'true');

    const ruleNamed = (name: string) =>
      panel.locator('[data-testid^="rule-rule-"]').filter({ hasText: name });
    const problemOf = (name: string) => ruleNamed(name).getByTestId('rule-problem');
    await expect(problemOf('Lost scene')).toHaveAttribute('data-code', 'SCENE_NOT_FOUND');
    await expect(problemOf('Lost scene')).toHaveText('OBS has no scene "Nope"');
    await expect(problemOf('Lost source')).toHaveAttribute('data-code', 'SOURCE_NOT_FOUND');
    await expect(problemOf('Lost source')).toHaveText('OBS has no source "Ghost"');
    await expect(problemOf('Lost clip')).toHaveAttribute('data-code', 'CLIP_NOT_FOUND');
    await expect(problemOf('Lost clip')).toHaveText(
      'the clip gone.webm is not in the clip library',
    );
    await expect(problemOf('Lost sound')).toHaveAttribute('data-code', 'SOUND_NOT_FOUND');
    await expect(problemOf('Lost sound')).toHaveText(
      'the sound ding.wav is not in the sound library',
    );
    await expect(ruleNamed('To the stage')).toHaveCount(1);
    await expect(problemOf('To the stage')).toHaveCount(0);

    // A real follow fires all five: each missing thing fails its own run, the good rule runs.
    await ingest.send([s.follow(viewer('ana'))]);
    const history = panel.getByTestId('actions-history');
    const failed = history.locator('[data-outcome="failed"]');
    await expect(failed.filter({ hasText: 'Lost scene · obsScene' })).toContainText(
      'OBS has no scene "Nope"',
    );
    await expect(failed.filter({ hasText: 'Lost source · obsSource' })).toHaveCount(1);
    await expect(failed.filter({ hasText: 'Lost clip · clip' })).toContainText(
      'the clip gone.webm is not in the clip library',
    );
    await expect(failed.filter({ hasText: 'Lost sound · sound' })).toContainText(
      'the sound ding.wav is not in the sound library',
    );
    const done = history.locator('[data-outcome="done"]');
    await expect(done.filter({ hasText: 'To the stage · obsScene' })).toHaveCount(1);
    await expect(done.filter({ hasText: 'To the stage · obsSource' })).toHaveCount(1);
    await expect(failed.filter({ hasText: 'To the stage' })).toHaveCount(0);
    const sent = obs.requests.map((r) => `${r.requestType} ${JSON.stringify(r.requestData)}`);
    expect(sent).toContain('SetCurrentProgramScene {"sceneName":"Stage"}');
    expect(sent).toContain(
      'SetSceneItemEnabled {"sceneName":"Main","sceneItemId":7,"sceneItemEnabled":false}',
    );
  } finally {
    await obs.stop();
  }
});
