/** Whole-word, case-insensitive matching of viewer text (Unicode letters and digits). */
const WORD_CHAR = /[\p{L}\p{N}]/u;

const isWordChar = (ch: string) => ch !== '' && WORD_CHAR.test(ch);

/**
 * Start indexes of `term` in `text` where it stands as its own word, so "go" does not match
 * "good". Both are compared lowercased; `term` must be lowercase and non-empty.
 */
export function findWord(lowerText: string, term: string): number[] {
  const hits: number[] = [];
  let from = 0;
  for (;;) {
    const at = lowerText.indexOf(term, from);
    if (at < 0) return hits;
    const edgeBefore = !isWordChar(term.charAt(0)) || !isWordChar(lowerText.charAt(at - 1));
    const edgeAfter =
      !isWordChar(term.charAt(term.length - 1)) || !isWordChar(lowerText.charAt(at + term.length));
    if (edgeBefore && edgeAfter) hits.push(at);
    from = at + 1;
  }
}
