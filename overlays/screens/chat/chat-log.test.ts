import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../../shared/protocol/channel-data';
import { ChatLog } from './chat-log';

const line = (id: string): ChatLine => ({
  id,
  user: {
    id: 'u',
    handle: 'u',
    nickname: 'U',
    avatarUrl: null,
    moderator: false,
    subscriber: false,
  },
  text: id,
  emotes: [],
  at: 0,
});

describe('ChatLog', () => {
  it('keeps the newest lines up to the cap and names the evicted ones', () => {
    const log = new ChatLog(3);
    for (const id of ['a', 'b', 'c']) log.add(line(id));
    expect(log.add(line('d'))).toEqual({ added: [line('d')], removed: ['a'] });
    expect(log.current.map((l) => l.id)).toEqual(['b', 'c', 'd']);
  });

  it('ignores a line it already shows (replayed after a reconnect)', () => {
    const log = new ChatLog(3);
    log.add(line('a'));
    expect(log.add(line('a'))).toEqual({ added: [], removed: [] });
  });

  it('removes moderated lines', () => {
    const log = new ChatLog(5);
    for (const id of ['a', 'b', 'c']) log.add(line(id));
    expect(log.remove(['b', 'zz'])).toEqual({ added: [], removed: ['b'] });
    expect(log.current.map((l) => l.id)).toEqual(['a', 'c']);
  });

  it('replaces from a snapshot, keeping lines that stay', () => {
    const log = new ChatLog(2);
    for (const id of ['a', 'b']) log.add(line(id));
    expect(log.replace([line('a'), line('b'), line('c')])).toEqual({
      added: [line('c')],
      removed: ['a'],
    });
  });
});
