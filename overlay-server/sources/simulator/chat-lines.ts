/**
 * What simulated viewers type: ordinary chat, poll votes ("1", "2", "A", "B") for the poll
 * engine to count, questions ("Q: …", "… ?") for Q&A to pick up, and now and then something
 * hostile that must stay plain text.
 */

import type { Random } from '../../../shared/random/prng';
import { HOSTILE_NAMES } from './audience';

const VOTES = ['1', '2', '1', '2', '3', 'A', 'B', 'a', 'b', '2 🔥', 'vote 1'] as const;

const QUESTIONS = [
  'Q: what game is next?',
  'Q: how long have you been streaming?',
  'Q: what mic do you use?',
  'where are you from?',
  'can you say hi to my sister?',
  'Q: favourite snack while streaming?',
  'is this your first stream today?',
  'Q: ¿hablas español?',
  'what rank are you now?',
] as const;

const CHAT = [
  'hello!!',
  'hi from Brazil 🇧🇷',
  'lol',
  'LETS GOOO',
  '❤️❤️❤️',
  'this is so good',
  'first time here 👋',
  'gg',
  'wait what',
  '😂😂😂',
  'love this song',
  'the lag is real',
  'W stream',
  'can we get 1k likes?',
  'followed!',
  'こんにちは',
  'ok that was insane',
  'brb getting snacks',
  'you should try the other route next time, the left side has way more loot and fewer enemies',
] as const;

/** One chat line. Shares: 18% votes, 9% questions, 1% hostile, the rest chatter. */
export function chatLine(random: Random): string {
  const roll = random.next();
  if (roll < 0.18) return random.pick(VOTES);
  if (roll < 0.27) return random.pick(QUESTIONS);
  if (roll < 0.28) return random.pick(HOSTILE_NAMES);
  return random.pick(CHAT);
}

/** A TikTok LIVE Q&A question (`questionNew`). */
export const qnaQuestion = (random: Random): string => random.pick(QUESTIONS).replace(/^Q: /, '');
