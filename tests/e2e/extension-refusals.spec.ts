/**
 * A panel whose token stops being good while it is connected: the owner revokes one moderator's
 * token and another's expires (both through the server's token store, as `npm run tokens` does).
 * Each live panel shows the refusal's code and a sentence saying what to do, stops trying to
 * reconnect, and offers the pairing form; a new link pasted there connects again.
 */
import { createTokenFileStore } from '../../overlay-server/auth/token-file-store';
import { TokenRegistry } from '../../overlay-server/auth/token-registry';
import type { ServerProcess } from '../integration/support/server-process';
import { expect, pair, pairingLink, test } from './support/extension';

/** Handshakes the server refused with this code (its log says so for each one). */
const refusedHandshakes = (server: ServerProcess, code: string) =>
  server
    .output()
    .split('\n')
    .filter((line) => line.includes('handshake refused') && line.includes(code)).length;

/** The panel retries a socket the server closed after this pause (extension/transport/socket-transport.ts). */
const PANEL_SERVER_CLOSED_RETRY_MS = 2_000;

test('a token revoked or expired while its panel is connected: the panel says why and offers to pair again', async ({
  server,
  serverHome,
  openPanel,
}) => {
  const store = createTokenFileStore(serverHome);
  const registry = new TokenRegistry(null, store);
  const issue = async () => {
    const { record, secret } = await registry.issue({
      role: 'moderator',
      streamers: ['default'],
      expiresAt: null,
    });
    return { record, secret, link: `${server.baseUrl}/pair?token=${encodeURIComponent(secret)}` };
  };
  const toRevoke = await issue();
  const toExpire = await issue();
  // The running server reads issued tokens by itself: wait until it knows both.
  for (const token of [toRevoke, toExpire]) {
    await expect
      .poll(async () => (await fetch(`${server.baseUrl}/api/streams?token=${token.secret}`)).status)
      .toBe(200);
  }

  // Both panels open before either pairs: a panel opened later would restore the stored pairing.
  const revokedPanel = await openPanel();
  const expiredPanel = await openPanel();
  await pair(revokedPanel, toRevoke.link);
  await pair(expiredPanel, toExpire.link);

  await registry.revoke(toRevoke.record.id);
  await store.save({ ...toExpire.record, expiresAt: Date.now() });

  const revoked = revokedPanel.getByTestId('connection-refusal');
  await expect(revoked).toHaveAttribute('data-code', 'TOKEN_REVOKED');
  await expect(revokedPanel.getByTestId('refusal-sentence')).toHaveText(
    /streamer revoked this pairing.*new pairing link/,
  );
  await expect(revokedPanel.getByTestId('connection-state')).toHaveAttribute(
    'data-status',
    'refused',
  );
  const expired = expiredPanel.getByTestId('connection-refusal');
  await expect(expired).toHaveAttribute('data-code', 'TOKEN_EXPIRED');
  await expect(expiredPanel.getByTestId('refusal-sentence')).toHaveText(/pairing has expired/);
  // The views of a room the panel no longer sees give way to the pairing form.
  await expect(revokedPanel.getByTestId('tab-live')).toHaveCount(0);
  await expect(revoked.getByTestId('pairing-input')).toBeVisible();

  // No reconnecting in a loop: past the pause after which the panel would retry a closed
  // socket, neither panel tried a handshake, and both still show their refusal.
  await revokedPanel.waitForTimeout(PANEL_SERVER_CLOSED_RETRY_MS + 500);
  expect(refusedHandshakes(server, 'TOKEN_REVOKED')).toBe(0);
  expect(refusedHandshakes(server, 'TOKEN_EXPIRED')).toBe(0);
  await expect(revoked).toHaveAttribute('data-code', 'TOKEN_REVOKED');
  await expect(expired).toHaveAttribute('data-code', 'TOKEN_EXPIRED');

  // Pairing again from the offered form connects with the new link.
  await pair(revokedPanel, pairingLink(server, 'moderator'));
  await expect(revokedPanel.getByTestId('connection-refusal')).toHaveCount(0);
  await expect(revokedPanel.getByTestId('role')).toHaveText('moderator');
});
