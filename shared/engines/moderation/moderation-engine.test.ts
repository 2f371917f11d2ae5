import { describe, expect, it } from 'vitest';
import { asModerator, script, T0, viewer } from '../../../tests/support/engine-events';
import type { ChatLine } from '../../protocol/channel-data';
import { createLiveRoom } from '../live-room';

const room = () => createLiveRoom({ streamId: 's', startedAt: T0 });
const lines = (r: ReturnType<typeof room>) => r.snapshot(['chat']).chat!.lines.map((l) => l.text);

describe('moderation for overlays', () => {
  it('masks or blocks filtered words as whole words, case-insensitively', () => {
    const r = room();
    const s = script();
    r.applyCommand(
      { type: 'moderation.addWord', word: 'darn', action: 'mask' },
      asModerator(s.now),
    );
    r.applyCommand(
      { type: 'moderation.addWord', word: 'spamlink', action: 'block' },
      asModerator(s.now),
    );
    const masked = r.applyEvent(s.chat(viewer('a'), 'well DARN it, darnation'));
    expect((masked.find((u) => u.type === 'chat.line')?.data as ChatLine | undefined)?.text).toBe(
      'well **** it, darnation',
    );
    expect(
      r.applyEvent(s.chat(viewer('b'), 'visit SpamLink now')).some((u) => u.channel === 'chat'),
    ).toBe(false);
    expect(lines(r)).toEqual(['well **** it, darnation']);
    // Blocked lines still count.
    expect(r.report().chatMessages).toBe(2);
  });

  it('takes lines off the overlays when a new filter word matches them', () => {
    const r = room();
    const s = script();
    r.applyEvent(s.chat(viewer('a'), 'hello there'));
    const e = s.chat(viewer('b'), 'rude word');
    r.applyEvent(e);
    const { updates } = r.applyCommand(
      { type: 'moderation.addWord', word: 'rude', action: 'mask' },
      asModerator(s.now),
    );
    expect(updates).toContainEqual({ channel: 'chat', type: 'chat.remove', data: { ids: [e.id] } });
  });

  it('hides one message', () => {
    const r = room();
    const s = script();
    const e = s.chat(viewer('a'), 'oops');
    r.applyEvent(e);
    const { ack, updates } = r.applyCommand(
      { type: 'moderation.hideMessage', messageId: e.id },
      asModerator(s.now),
    );
    expect(ack.ok).toBe(true);
    expect(updates).toContainEqual({ channel: 'chat', type: 'chat.remove', data: { ids: [e.id] } });
    expect(lines(r)).toEqual([]);
  });

  it('mutes a viewer from chat, alerts and the leaderboard while their money still counts', () => {
    const r = room();
    const s = script();
    const troll = viewer('troll');
    r.applyEvent(s.chat(troll, 'first'));
    const { updates } = r.applyCommand(
      { type: 'moderation.muteViewer', userId: troll.id, handle: 'troll' },
      asModerator(s.now),
    );
    expect(updates.some((u) => u.type === 'chat.remove')).toBe(true);
    const after = [
      ...r.applyEvent(s.chat(troll, 'again')),
      ...r.applyEvent(s.gift(troll, { name: 'Lion', coins: 29_999, type: 2 })),
      ...r.applyEvent(s.follow(troll)),
    ];
    expect(after.filter((u) => u.channel === 'chat' || u.channel === 'alerts')).toEqual([]);
    expect(r.snapshot(['leaderboard']).leaderboard?.top).toEqual([]);
    expect(r.report()).toMatchObject({ coins: 29_999, chatMessages: 2, followers: 1 });
    expect(r.report().topGifters[0]?.handle).toBe('troll');
    expect(r.snapshot(['moderation']).moderation?.mutedViewers).toEqual([
      { id: troll.id, handle: 'troll' },
    ]);
    r.applyCommand({ type: 'moderation.unmuteViewer', userId: troll.id }, asModerator(s.now));
    expect(r.applyEvent(s.chat(troll, 'back')).some((u) => u.type === 'chat.line')).toBe(true);
  });
});

describe('names on overlays', () => {
  it('stars filtered words out of names in chat, alerts and the leaderboard', () => {
    const r = room();
    const s = script();
    r.applyCommand(
      { type: 'moderation.addWord', word: 'jerk', action: 'block' },
      asModerator(s.now),
    );
    const rude = viewer('jerk_face', { nickname: 'Big Jerk' });
    const chat = r.applyEvent(s.chat(rude, 'hello'));
    expect(
      (chat.find((u) => u.type === 'chat.line')?.data as ChatLine | undefined)?.user.nickname,
    ).toBe('Big ****');
    const alert = r
      .applyEvent(s.gift(rude, { coins: 5, type: 2 }))
      .find((u) => u.type === 'alert.upsert');
    expect(alert?.data).toMatchObject({ user: { nickname: 'Big ****' } });
    expect(r.snapshot(['leaderboard']).leaderboard?.top[0]?.nickname).toBe('Big ****');
    expect(r.report().topGifters[0]?.nickname).toBe('Big Jerk');
  });
});
