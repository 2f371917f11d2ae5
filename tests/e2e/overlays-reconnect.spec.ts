/**
 * Stable on stream: when the server crashes and comes back, an open overlay reconnects by itself
 * and shows the current state from the new server's snapshot (the poll restored from the journal, plus
 * a vote cast while it was reconnecting). Own server, not the shared one: this test stops it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { script, viewer } from '../integration/support/events';
import { spawnServer } from '../integration/support/server-process';
import {
  connectRelay,
  expect,
  expectTexts,
  openOverlay,
  readScene,
  screenState,
  stopServer,
  test,
} from './support/overlay-relay';

test('an overlay reconnects by itself after a server restart and catches up', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'limelight-e2e-reconnect-'));
  const first = await spawnServer(home, ['--no-source']);
  const firstRelay = await connectRelay(first, home);
  try {
    await openOverlay(page, firstRelay.overlayUrl('poll'));
    await firstRelay.command({
      type: 'poll.start',
      question: 'Which game next?',
      options: [{ label: 'Chess' }, { label: 'Go' }],
    });
    await expectTexts(page, ['Which game next?', '1 · Chess']);
    firstRelay.close();
    // A crash: a clean stop would end the stream (and close its poll) by design.
    first.child.kill('SIGKILL');
    await first.exited;
    const status = async () => (await readScene(page)).state.status.state;
    await expect.poll(status).toBe('offline');

    // Same home (tokens, journal) and same port: the stream resumes, as after any crash.
    const second = await spawnServer(home, ['--no-source', '--port', String(first.port)]);
    const secondRelay = await connectRelay(second, home);
    try {
      await secondRelay.send([script(Date.now()).chat(viewer('kai'), '2')]);
      await expect.poll(status).toBe('live');
      await expect
        .poll(async () => screenState(await readScene(page), 'poll').votes)
        .toEqual([0, 1]);
      await expectTexts(page, ['Which game next?', '1 · 100%']);
    } finally {
      secondRelay.close();
      await stopServer(second);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
