/**
 * The real side panel against a real server, in Chromium, for TikTok's battle and removal
 * messages: the Live view shows a battle's sides and points as they arrive and its result; a
 * line TikTok removed (`imDelete`) leaves the moderation chat list outright, while a line the
 * moderator hid stays listed as hidden.
 */
import { script, viewer } from '../support/engine-events';
import { expect, test } from './support/extension';

test('the Live view shows a battle live, the streamer first, then the result', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('owner');
  const s = script(Date.now());
  const me = viewer('panel.streamer', { nickname: 'Panel Streamer' });
  const rival = viewer('panel.rival', { nickname: 'Panel Rival' });
  await ingest.send([
    s.streamStart(me.handle),
    s.battle('pb1', 'start', [
      [rival, null],
      [me, null],
    ]),
  ]);

  const current = panel.getByTestId('battle-current');
  await expect(current).toHaveAttribute('data-status', 'running');
  const sides = current.getByTestId('battle-side');
  await expect(sides).toHaveCount(2);
  await expect(sides.first()).toContainText('Panel Streamer');
  await expect(sides.first()).toContainText('(you)');

  await ingest.send([
    s.battle('pb1', 'scores', [
      [rival, 40],
      [me, 120],
    ]),
  ]);
  await expect(sides.first()).toHaveAttribute('data-score', '120');
  await expect(sides.nth(1)).toHaveAttribute('data-score', '40');

  await ingest.send([
    s.battle(
      'pb1',
      'end',
      [
        [rival, 400],
        [me, 120],
      ],
      rival,
    ),
  ]);
  await expect(current).toHaveAttribute('data-status', 'ended');
  await expect(panel.getByTestId('battle-outcome')).toHaveText('Panel Rival won');
  await expect(sides.nth(1)).toHaveAttribute('data-result', 'win');
});

test('a line TikTok removed leaves the moderation list, even one the moderator had hidden', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('moderator');
  const s = script(Date.now());
  const hidden = s.chat(viewer('panel.hidden'), 'a line the moderator hides');
  const removed = s.chat(viewer('panel.removed'), 'a line TikTok removes');
  const kept = s.chat(viewer('panel.kept'), 'a line that stays');
  await ingest.send([s.streamStart(), hidden, removed, kept]);

  await panel.getByTestId('tab-moderation').click();
  const chat = panel.getByTestId('moderation-chat');
  await expect(chat.locator('li')).toHaveCount(3);
  await chat
    .locator('li', { hasText: 'a line the moderator hides' })
    .getByRole('button', { name: 'Hide' })
    .click();
  await expect(chat.locator('.hidden-line')).toHaveCount(1);

  await ingest.send([s.imDelete([removed.id, hidden.id])]);
  await expect(chat).not.toContainText('a line TikTok removes');
  // TikTok removed the hidden line too: it is gone, not listed as hidden.
  await expect(chat.locator('li')).toHaveCount(1);
  await expect(chat).toContainText('a line that stays');
});
