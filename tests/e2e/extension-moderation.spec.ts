/**
 * Moderators at work in the panel against a real server: Q&A triage to the screen and the
 * archive; hostile chat shown as text, hidden, its author muted, all in the audit log.
 */
import { script, viewer } from '../support/engine-events';
import { expect, pair, pairingLink, test } from './support/extension';

test('a moderator triages a question onto the screen, answers it, and it is archived', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('moderator');
  const s = script(Date.now());
  await ingest.send([s.streamStart(), s.question(viewer('curious'), 'What camera do you use?')]);

  await panel.getByTestId('tab-qna').click();
  const question = panel.locator('[data-testid^="qna-question-"]');
  await expect(question).toHaveCount(1);
  await expect(question).toHaveAttribute('data-status', 'pending');
  const id = (await question.getAttribute('data-testid'))?.replace('qna-question-', '') ?? '';

  await panel.getByTestId(`qna-${id}-approved`).click();
  await expect(question).toHaveAttribute('data-status', 'approved');
  await panel.getByTestId(`qna-${id}-onScreen`).click();
  await expect(question).toHaveAttribute('data-status', 'onScreen');
  await panel.getByTestId(`qna-${id}-answered`).click();
  await expect(question).toHaveAttribute('data-status', 'answered');
  await expect(panel.getByTestId('qna-archive').locator('li')).toContainText([
    'What camera do you use?',
  ]);
});

test('hostile chat is shown as text; hiding it and muting its author land in the audit log', async ({
  openPairedPanel,
  ingest,
}) => {
  const panel = await openPairedPanel('moderator');
  const s = script(Date.now());
  const troll = viewer('troll', { nickname: '<img src=x onerror="document.title=1">' });
  await ingest.send([s.streamStart(), s.chat(troll, '<b>not bold</b> spoilers!')]);

  await panel.getByTestId('tab-moderation').click();
  const chat = panel.getByTestId('moderation-chat');
  await expect(chat).toContainText('<img src=x onerror="document.title=1">');
  await expect(chat).toContainText('<b>not bold</b> spoilers!');
  await expect(chat.locator('img, b')).toHaveCount(0);

  await chat.getByRole('button', { name: 'Hide' }).first().click();
  await expect(chat.locator('.hidden-line')).toHaveCount(1);
  await chat.getByRole('button', { name: 'Mute viewer' }).first().click();
  await expect(panel.getByTestId('moderation-muted')).toContainText('@troll');

  await panel.getByTestId('moderation-word').fill('spoilers');
  await panel.getByTestId('moderation-add-word').click();
  await expect(panel.getByTestId('moderation-words')).toContainText('spoilers');

  const audit = panel.getByTestId('moderation-audit').locator('li');
  await expect(audit).toHaveCount(3);
  await expect(audit.first()).toContainText('moderation.addWord');
  await expect(panel.getByTestId('moderation-audit')).toContainText('moderation.hideMessage');
  await expect(panel.getByTestId('moderation-audit')).toContainText('moderation.muteViewer');
});

test('a moderator sees earnings only while the owner allows it, and the server enforces it', async ({
  server,
  openPanel,
  openPairedPanel,
  ingest,
}) => {
  const owner = await openPairedPanel('owner');
  await expect(owner.getByTestId('role')).toHaveText('owner');
  const s = script(Date.now());
  await ingest.send([
    s.streamStart(),
    s.gift(viewer('ana'), { name: 'Lion', coins: 500, type: 2, count: 1, end: true, id: 6369 }),
  ]);
  await expect(owner.getByTestId('live-coins')).toHaveText('500');

  // A second panel (another tab of the same profile): it restores the owner's pairing from the
  // shared store, so it re-pairs as a moderator in Settings (it had earnings as the owner).
  const moderator = await openPanel();
  await moderator.getByTestId('tab-settings').click();
  await pair(moderator, pairingLink(server, 'moderator'));
  await expect(moderator.getByTestId('role')).toHaveText('moderator');
  await moderator.getByTestId('tab-live').click();
  await expect(moderator.getByTestId('earnings-hidden')).toHaveText(/hidden by the owner/);
  await expect(moderator.getByTestId('live-coins')).toHaveCount(0);
  // Gifters' coins are public on TikTok: the moderator sees them either way.
  await expect(moderator.getByTestId('top-gifters')).toContainText('500 coins');

  await owner.getByTestId('tab-settings').click();
  const toggle = owner.getByTestId('moderators-see-earnings');
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(moderator.getByTestId('live-coins')).toHaveText('500');
  await expect(moderator.getByTestId('live-payout')).toBeVisible();

  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(moderator.getByTestId('earnings-hidden')).toHaveText(/hidden by the owner/);
  await expect(moderator.getByTestId('live-coins')).toHaveCount(0);
});
