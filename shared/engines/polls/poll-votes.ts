/** How chat lines become poll votes, and how gifts and likes weigh (published to viewers). */
import type { GiftVotes, LikeVotes } from '../../protocol/commands/poll';

export type VoteBy = 'number' | 'letter' | 'keyword';

const LETTERS = 'ABCDEF';

/** The key viewers type for option `index` (0-based). */
export function optionKey(voteBy: VoteBy, index: number, keyword: string): string {
  if (voteBy === 'number') return String(index + 1);
  if (voteBy === 'letter') return LETTERS.charAt(index);
  return keyword;
}

/** Lowercase, trimmed, without surrounding punctuation: `"  B! "` → `b`. */
export function normalizeVote(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[\s#"'([{]+|[\s.!?"')\]}]+$/g, '');
}

/** The option index a chat line votes for, or -1 when it is not a vote. */
export function parseVote(text: string, keys: readonly string[]): number {
  if (text.length > 40) return -1;
  const vote = normalizeVote(text);
  if (vote === '') return -1;
  return keys.findIndex((key) => normalizeVote(key) === vote);
}

/** Extra votes a viewer's committed gift coins add to their option. */
export function giftVoteWeight(coins: number, rule: GiftVotes | null): number {
  if (!rule || coins <= 0) return 0;
  if (rule.mode === 'perCoin') {
    return Math.min(Math.floor(coins / rule.coinsPerVote), rule.maxVotesPerViewer);
  }
  const votes = Math.floor(Math.sqrt(coins / rule.coinsPerVote) * 100) / 100;
  return rule.maxVotesPerViewer === null ? votes : Math.min(votes, rule.maxVotesPerViewer);
}

/** Extra votes a viewer's likes add to their option. */
export function likeVoteWeight(likes: number, rule: LikeVotes | null): number {
  if (!rule || likes <= 0) return 0;
  return Math.min(Math.floor(likes / rule.likesPerVote), rule.maxVotesPerViewer);
}

/** The weighting in words, shown with the poll so viewers know the rules. */
export function describeWeighting(
  voteBy: VoteBy,
  allowChange: boolean,
  gifts: GiftVotes | null,
  likes: LikeVotes | null,
): string {
  const how = { number: 'its number', letter: 'its letter', keyword: 'its keyword' }[voteBy];
  const parts = [
    `Type ${how} in chat: one vote per viewer${allowChange ? ', your latest counts' : ''}.`,
  ];
  if (gifts?.mode === 'perCoin') {
    parts.push(
      `Gifts add 1 vote per ${gifts.coinsPerVote} coins to your option, at most ${gifts.maxVotesPerViewer} per viewer.`,
    );
  } else if (gifts?.mode === 'sqrt') {
    const cap =
      gifts.maxVotesPerViewer === null ? '' : `, at most ${gifts.maxVotesPerViewer} per viewer`;
    parts.push(`Gifts add √(coins ÷ ${gifts.coinsPerVote}) votes to your option${cap}.`);
  }
  if (likes) {
    parts.push(
      `Likes add 1 vote per ${likes.likesPerVote} likes, at most ${likes.maxVotesPerViewer} per viewer.`,
    );
  }
  return parts.join(' ');
}
