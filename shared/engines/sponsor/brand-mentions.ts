/** Whether a chat line mentions a brand or promo code: case-insensitive, as a whole word. */
import { findWord } from '../text-match';

export function mentionsTerm(text: string, term: string): boolean {
  const needle = term.trim().toLowerCase();
  return needle !== '' && findWord(text.toLowerCase(), needle).length > 0;
}

export function mentionsAny(text: string, terms: ReadonlyArray<string | null>): boolean {
  return terms.some((term) => term !== null && mentionsTerm(text, term));
}
