/**
 * `?demo` for chat: a few lines with badges, emoji, emotes inline, a very long message and a
 * moderated line.
 */
import type { ChatLine } from '../../../shared/protocol/channel-data';
import { viewer } from '../../demo/sample-viewers';
import type { DemoScript, DemoStep } from '../../stage/demo-player';

const MESSAGES = [
  'hello from the demo 👋',
  'that gift animation 🔥🔥🔥',
  'can you play the new song next?',
  'this is a very long message that keeps going and going to show how the chat overlay wraps and then cuts text with an ellipsis when a viewer writes a whole essay in the chat box instead of a short line',
  'GG 🎉',
  'spam line that a moderator hides',
];

/** Emotes the demo places inline (no server in `?demo`: their drawn stand-ins show). */
const EMOTES: Record<number, ChatLine['emotes']> = {
  4: [
    { id: 'demo-gg', imageUrl: 'https://p16-webcast.tiktokcdn.com/demo/gg.png', at: 3 },
    { id: 'demo-heart', imageUrl: 'https://p16-webcast.tiktokcdn.com/demo/heart.png', at: 5 },
  ],
};

function line(index: number): ChatLine {
  const user = viewer(index);
  return {
    id: `demo-chat-${index}`,
    user: {
      ...user,
      moderator: index === 1,
      subscriber: index % 2 === 0,
      topGifterRank: index === 0 ? 1 : index === 4 ? 3 : null,
      gifterLevel: index === 2 ? 27 : index === 4 ? 12 : null,
    },
    text: MESSAGES[index % MESSAGES.length]!,
    emotes: EMOTES[index] ?? [],
    at: 0,
  };
}

export function chatDemo(): DemoScript {
  const steps: DemoStep[] = MESSAGES.map((_, index) => ({
    afterMs: 1200,
    updates: [{ channel: 'chat', type: 'chat.line', data: line(index) }],
  }));
  steps.push({
    afterMs: 1500,
    updates: [{ channel: 'chat', type: 'chat.remove', data: { ids: ['demo-chat-5'] } }],
  });
  return { initial: { chat: { lines: [] } }, steps };
}
