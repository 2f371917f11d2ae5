/**
 * Sounds from the real extension's Alerts tab against a real server, with the alerts overlay
 * open beside it: the owner uploads a sound (a file that is not one is refused with its code),
 * gives tier 1 that sound, turns the master volume down and mutes; the overlay's player follows
 * each change live (it fetches the new tier sound, its volume and mute change).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/extension';

interface SoundReport {
  ready: string[];
  volume: number;
  muted: boolean;
}

test('upload a sound, give it to a tier, set volume and mute: the alerts overlay follows', async ({
  openPairedPanel,
  extensionContext,
  server,
}) => {
  const panel = await openPairedPanel('owner');
  const overlay = await extensionContext.newPage();
  await overlay.goto(`${server.baseUrl}/overlays/alerts.html?token=${server.tokens.overlay}`);
  const sound = () =>
    overlay.evaluate(
      () => (window.__limelight?.state.screens.alerts as { sound?: unknown } | undefined)?.sound,
    ) as Promise<SoundReport | undefined>;
  await expect.poll(async () => (await sound())?.volume).toBe(1);

  await panel.getByTestId('tab-alerts').click();
  const sounds = panel.getByTestId('sounds').locator('li');
  await panel.getByTestId('sound-upload').setInputFiles({
    name: 'not-a-sound.wav',
    mimeType: 'audio/wav',
    buffer: Buffer.from('<html>hello</html>'),
  });
  await expect(panel.getByTestId('sound-refusal')).toHaveAttribute('data-code', 'BAD_PAYLOAD');
  await expect(sounds).toHaveCount(0);
  await panel.getByTestId('sound-upload').setInputFiles({
    name: 'doorbell.wav',
    mimeType: 'audio/wav',
    buffer: readFileSync('overlays/assets/sounds/tier-5.wav'),
  });
  await expect(sounds).toHaveCount(1);
  await expect(sounds).toContainText('doorbell.wav');
  await expect(panel.getByTestId('sound-refusal')).toHaveCount(0);
  const id = (await sounds.getAttribute('data-testid'))?.replace(/^sound-/, '') ?? '';
  expect(id).toMatch(/^[0-9a-f]{32}\.wav$/);

  await panel.getByTestId('sound-tier-1').selectOption(id);
  // The overlay fetched and decoded the tier's new sound, ready to play with its next card.
  await expect.poll(async () => (await sound())?.ready).toContain(id);

  await panel.getByTestId('sound-volume').fill('30');
  await expect(panel.getByTestId('sound-volume-value')).toHaveText('30%');
  await expect.poll(async () => (await sound())?.volume).toBe(0.3);
  await panel.getByTestId('sound-mute').check();
  await expect.poll(async () => (await sound())?.muted).toBe(true);
  await expect(panel.getByTestId('sound-tier-1')).toHaveValue(id);
});
