/** The bundled font families (bundled-fonts.ts) and the order text asks for them. Pure. */

export const EMOJI_FAMILY = 'Limelight Emoji';
const LATIN = 'Inter Variable';
const JAPANESE = 'Noto Sans JP Variable';
const CHINESE = 'Noto Sans SC Variable';
const KOREAN = 'Noto Sans KR Variable';

/**
 * Inter for Latin, Greek, Cyrillic and Vietnamese; emoji next, so symbols with an emoji form
 * draw as emoji rather than as a CJK font's outline; then the CJK families.
 */
export const BUNDLED_FAMILIES: readonly string[] = [LATIN, EMOJI_FAMILY, JAPANESE, CHINESE, KOREAN];

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

/**
 * The bundled families in the order a text should ask for them. Han characters are shared by
 * Japanese, Chinese and Korean but drawn differently in each, and every CJK font covers most of
 * them: a name with kana is Japanese, one with hangul Korean, other Han text is taken for
 * Chinese (simplified forms; traditional ones the Chinese font lacks come from the others).
 */
export function familiesFor(text: string): readonly string[] {
  if (KANA.test(text) || !HAN.test(text)) return BUNDLED_FAMILIES;
  if (HANGUL.test(text)) return [LATIN, EMOJI_FAMILY, KOREAN, JAPANESE, CHINESE];
  return [LATIN, EMOJI_FAMILY, CHINESE, JAPANESE, KOREAN];
}
