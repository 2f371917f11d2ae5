/**
 * One panel, several streams: a moderator token issued for two streams (`npm run tokens`, as an
 * agency's owner does it) pairs the real extension with the real server; the panel offers both
 * streams and switching shows the other stream's room, never a mix of the two.
 */
import { io } from 'socket.io-client';
import type { Ack } from '../../shared/protocol/ack';
import type { IngestBatchResult } from '../../shared/protocol/namespaces';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { script, viewer } from '../support/engine-events';
import { tokensCli } from '../support/tokens-cli';
import { expect, pair, test } from './support/extension';

interface IssuedToken {
  secret: string;
  links: string[];
}

test('a moderator granted two streams switches the panel between them', async ({
  server,
  serverHome,
  openPanel,
  ingest,
}) => {
  const issue = async (role: string, streams: string[]): Promise<IssuedToken> => {
    const stream = streams.flatMap((name) => ['--stream', name]);
    const printed = await tokensCli(
      ['issue', '--role', role, ...stream, '--url', server.baseUrl, '--json'],
      { LIMELIGHT_HOME: serverHome },
    );
    return JSON.parse(printed) as IssuedToken;
  };
  // The running server re-reads the whole tokens file by itself. Issue the moderator last and wait
  // until the server knows it: the file it read then holds ben's ingest token too.
  const benSource = await issue('ingest', ['ben']);
  const moderator = await issue('moderator', ['default', 'ben']);

  await expect
    .poll(
      async () => (await fetch(`${server.baseUrl}/api/streams?token=${moderator.secret}`)).status,
    )
    .toBe(200);

  const s = script(Date.now());
  await ingest.send([s.streamStart(), s.chat(viewer('ana'), 'hello from the default stream')]);
  const ben = io(`${server.baseUrl}/ingest`, {
    auth: {
      token: benSource.secret,
      protocolVersion: PROTOCOL_VERSION,
      client: 'e2e:ingest-ben',
      streamer: 'ben',
    },
    transports: ['websocket'],
  });
  try {
    const b = script(Date.now());
    const ack = (await ben
      .timeout(10_000)
      .emitWithAck('events', [
        b.streamStart(),
        b.chat(viewer('bo'), 'hello from ben'),
      ])) as Ack<IngestBatchResult>;
    expect(ack).toMatchObject({ ok: true, data: { accepted: 2 } });
  } finally {
    ben.disconnect();
  }

  const panel = await openPanel();
  const link = moderator.links[0]?.replace(/^pair: /, '') ?? '';
  await pair(panel, link);
  const picker = panel.getByTestId('stream-picker');
  await expect(picker.locator('option')).toHaveText(['default', 'ben']);
  await expect(picker).toHaveValue('default');

  await panel.getByTestId('tab-moderation').click();
  const chat = panel.getByTestId('moderation-chat');
  await expect(chat).toContainText('hello from the default stream');

  await picker.selectOption('ben');
  await expect(panel.getByTestId('connection-state')).toHaveAttribute('data-status', 'connected');
  await expect(picker).toHaveValue('ben');
  await expect(chat).toContainText('hello from ben');
  await expect(chat).not.toContainText('hello from the default stream');

  // The choice is kept: a panel opened later acts on ben too.
  const later = await openPanel();
  await expect(later.getByTestId('connection-state')).toHaveAttribute('data-status', 'connected');
  await expect(later.getByTestId('stream-picker')).toHaveValue('ben');

  await picker.selectOption('default');
  await expect(picker).toHaveValue('default');
  await expect(chat).toContainText('hello from the default stream');
  await expect(chat).not.toContainText('hello from ben');
});
