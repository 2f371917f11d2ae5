import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../shared/events/live-event';
import { loadRecording } from '../recording';
import { expectedTotals } from '../simulator/expected-totals';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../tests/fixtures/recordings/${name}`, import.meta.url));

/**
 * multiguest-v2/v3.jsonl: the same short stream in both payload generations — a Rose ×5 streak to
 * a guest, a Galaxy whose frame a reconnect replays, sampled like totals out of order, every
 * social event, a chest, a Q&A question, an event we do not map, a line cut off mid-write.
 */
describe('multi-guest fixture recordings', () => {
  it('give the same totals in both generations, duplicates and bad lines aside', async () => {
    for (const name of ['multiguest-v2.jsonl', 'multiguest-v3.jsonl']) {
      const loaded = await loadRecording(fixture(name));
      expect(loaded.problems, name).toEqual([{ line: 22, message: 'not JSON' }]);
      expect(loaded.skipped, name).toEqual({
        // A score message with no scores in it (the connector maps battles; this one is empty).
        'linkMicArmies without scores': 1,
        'unknown event controlMessage': 1,
      });
      expect(expectedTotals(loaded.events), name).toMatchObject({
        coins: 1005,
        guestCoins: 5,
        gifts: 2,
        giftsByName: { Rose: { units: 5, coins: 5 }, Galaxy: { units: 1, coins: 1000 } },
        likes: 120,
        peakViewers: 355,
        chatMessages: 3,
        uniqueChatters: 2,
        joins: 2,
        followers: 1,
        shares: 1,
        subscribers: 1,
        questions: 1,
        chestCoins: 500,
      });
    }
  });

  it('map to identical events apart from the v3 question id', async () => {
    const v2 = await loadRecording(fixture('multiguest-v2.jsonl'));
    const v3 = await loadRecording(fixture('multiguest-v3.jsonl'));
    const strip = (events: LiveEvent[]) =>
      events.map((e) => (e.kind === 'question' ? { ...e, questionId: null } : e));
    expect(strip(v3.events)).toEqual(strip(v2.events));
    const moderatorChat = v3.events.find((e) => e.kind === 'chat');
    expect(moderatorChat).toMatchObject({
      user: { handle: 'mod.kim', roles: { moderator: true, follower: true } },
    });
    const guestGift = v3.events.find((e) => e.kind === 'gift' && e.toUser !== null);
    expect(guestGift).toMatchObject({ toUser: { handle: 'guest.ria', nickname: 'Ria (guest)' } });
  });
});
