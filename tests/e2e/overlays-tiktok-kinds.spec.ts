/**
 * TikTok's other kinds through the real server into the overlays, in Chromium: a removal by
 * TikTok (`imDelete`) takes lines off the chat overlay, by message id and by user, and an emote
 * sent on its own shows as a line; the streamer's TikTok goal fills the goal bar without being
 * set up in Limelight; a gifter's badges show on the top-gifters board. The worker's server is
 * shared with the other overlay specs: what these tests leave (a goal, a gifter on the board)
 * is removed or muted at the end.
 */
import type { LiveEvent } from '../../shared/events/live-event';
import { script, viewer } from '../integration/support/events';
import {
  expect,
  expectTexts,
  keepScreenshot,
  openOverlay,
  readScene,
  screenState,
  test,
} from './support/overlay-relay';

test.describe('TikTok kinds on the overlays', () => {
  test('a line TikTok removed leaves the chat overlay, by id and by user', async ({
    page,
    relay,
  }, testInfo) => {
    await openOverlay(page, relay.overlayUrl('chat', { lines: '8' }));
    const s = script(Date.now());
    const spammer = viewer('e2e.spammer');
    const kept = s.chat(viewer('e2e.kind'), 'a kind line that stays');
    const removedById = s.chat(viewer('e2e.rude'), 'a rude line TikTok removes');
    const spamA = s.chat(spammer, 'spam line one');
    const spamB = s.chat(spammer, 'spam line two');
    const sticker = s.emote(viewer('e2e.stickers'), 'e2e-heart');
    await relay.send([kept, removedById, spamA, spamB, sticker]);
    const lines = async () => screenState(await readScene(page), 'chat').lines as string[];
    await expect
      .poll(lines)
      .toEqual(expect.arrayContaining([kept.id, removedById.id, spamA.id, spamB.id, sticker.id]));
    await expectTexts(page, ['a rude line TikTok removes', 'spam line two']);
    // The emote sent on its own is a line of its picture (drawn as a fallback here: the fake
    // CDN address does not resolve).
    const drawn = screenState(await readScene(page), 'chat').drawn as Array<{
      id: string;
      parts: Array<{ part: string; id?: string }>;
    }>;
    const stickerParts = drawn.find((line) => line.id === sticker.id)?.parts ?? [];
    expect(stickerParts.filter((p) => p.part !== 'name')).toEqual([
      expect.objectContaining({ part: 'emote', id: 'e2e-heart' }),
    ]);

    await relay.send([s.imDelete([removedById.id])]);
    await expect.poll(lines).not.toContain(removedById.id);
    await expect
      .poll(async () => (await readScene(page)).texts.join('\n'))
      .not.toContain('a rude line TikTok removes');

    await relay.send([s.imDelete([], [spammer.id])]);
    await expect.poll(lines).not.toContain(spamA.id);
    const after = await lines();
    expect(after).not.toContain(spamB.id);
    expect(after).toEqual(expect.arrayContaining([kept.id, sticker.id]));
    expect((await readScene(page)).texts.join('\n')).not.toContain('spam line');
    await keepScreenshot(page, testInfo.outputPath('chat-after-imdelete.png'));

    // A page opened now gets the removal in its snapshot too.
    const late = await page.context().newPage();
    await openOverlay(late, relay.overlayUrl('chat', { lines: '30' }));
    const lateLines = screenState(await readScene(late), 'chat').lines as string[];
    expect(lateLines).toContain(kept.id);
    expect(lateLines).not.toContain(removedById.id);
    expect(lateLines).not.toContain(spamB.id);
    await late.close();
  });

  test("the streamer's TikTok goal fills the goal bar with its progress and target", async ({
    page,
    relay,
  }) => {
    const s = script(Date.now());
    const goalId = `e2e${Date.now()}`;
    const viewId = `tiktok:${goalId}:${goalId}-t1`;
    await relay.send([s.goalUpdate(goalId, 45, 100)]);
    await openOverlay(page, relay.overlayUrl('goal', { goal: viewId }));
    await expectTexts(page, ['Roses for the new mic', '45 / 100 Rose']);
    expect(screenState(await readScene(page), 'goal')).toMatchObject({
      goalId: viewId,
      fill: 0.45,
      reached: false,
    });
    await relay.send([s.goalUpdate(goalId, 100, 100)]);
    await expect.poll(async () => screenState(await readScene(page), 'goal').reached).toBe(true);
    await expectTexts(page, ['100 / 100 Rose', 'Goal reached!']);
    // Removed from Limelight, so other specs' goal pages do not pick it.
    await relay.command({ type: 'goals.remove', goalId: viewId });
  });

  test("a gifter's badges show on the top-gifters board", async ({ page, relay }, testInfo) => {
    await openOverlay(page, relay.overlayUrl('leaderboard'));
    const s = script(Date.now());
    const badged = viewer('e2e.badged', {
      nickname: 'Badged Bea',
      roles: {
        moderator: true,
        subscriber: true,
        follower: true,
        topGifterRank: 2,
        gifterLevel: 31,
      },
    });
    const gift: LiveEvent = s.gift(badged, { name: 'Lion', coins: 90_000, type: 2, id: 6369 });
    await relay.send([gift]);
    await expectTexts(page, ['Badged Bea']);
    const board = screenState(await readScene(page), 'leaderboard') as {
      ids: string[];
      badges: string[][];
    };
    expect(board.ids[0]).toBe(badged.id);
    expect(board.badges[0]).toEqual(['moderator', 'subscriber', 'topGifter:2', 'gifterLevel:31']);
    await keepScreenshot(page, testInfo.outputPath('leaderboard-badges.png'));
    // Muted: off the board again (its coins still count), so later specs' boards are as before.
    await relay.command({
      type: 'moderation.muteViewer',
      userId: badged.id,
      handle: badged.handle,
    });
    await expect
      .poll(async () => (screenState(await readScene(page), 'leaderboard').ids as string[])[0])
      .not.toBe(badged.id);
  });
});
