/**
 * Near-duplicate questions: "Q: What camera do you use?", "what camera do u use" and
 * "What CAMERA do you use??" are one question. Text is normalized (case, punctuation,
 * whitespace, common chat shorthand), then compared by word overlap and by letter pairs (which
 * forgives spelling variants such as favorite/favourite).
 */

/** Chat shorthand spelled out, so "where r u from" matches "where are you from". */
const SHORTHAND: Record<string, string> = {
  u: 'you',
  ya: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  pls: 'please',
  plz: 'please',
  wat: 'what',
  whats: 'what is',
  im: 'i am',
  ure: 'you are',
  youre: 'you are',
  hows: 'how is',
  wheres: 'where is',
};

/** Lowercase words of a question, punctuation and apostrophes gone, shorthand spelled out. */
export function questionWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .flatMap((word) => (SHORTHAND[word] ?? word).split(' '))
    .filter((word) => word !== '');
}

function wordOverlap(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const word of setA) if (setB.has(word)) shared++;
  const union = setA.size + setB.size - shared;
  return union === 0 ? 0 : shared / union;
}

function letterPairs(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

function letterPairOverlap(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const pairsB = letterPairs(b);
  let shared = 0;
  for (const [pair, count] of letterPairs(a)) shared += Math.min(count, pairsB.get(pair) ?? 0);
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** 0 (unrelated) to 1 (the same question), from normalized words. */
export function questionSimilarity(a: readonly string[], b: readonly string[]): number {
  return Math.max(wordOverlap(a, b), letterPairOverlap(a.join(' '), b.join(' ')));
}
