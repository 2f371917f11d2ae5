/** `?demo` for chat: a few lines, emoji, a very long message and a moderated line. */
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

function line(index: number): ChatLine {
  const user = viewer(index);
  return {
    id: `demo-chat-${index}`,
    user: { ...user, moderator: index === 1, subscriber: index % 2 === 0 },
    text: MESSAGES[index % MESSAGES.length]!,
    emotes: [],
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
