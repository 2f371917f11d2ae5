/**
 * The alert tiers' bundled sounds (made for Limelight, CC0: overlays/assets/sounds/LICENSE,
 * written by scripts/make-tier-sounds.mjs), as the built files' URLs, and where any sound a
 * stream names is fetched from: bundled ones from the page's own assets, uploaded ones from the
 * server with the page's token.
 */
import { type BundledSoundId, isBundledSound } from '../../../shared/protocol/sounds';
import tier1 from '../../assets/sounds/tier-1.wav?url';
import tier2 from '../../assets/sounds/tier-2.wav?url';
import tier3 from '../../assets/sounds/tier-3.wav?url';
import tier4 from '../../assets/sounds/tier-4.wav?url';
import tier5 from '../../assets/sounds/tier-5.wav?url';

const BUNDLED_URLS: Record<BundledSoundId, string> = {
  'tier-1': tier1,
  'tier-2': tier2,
  'tier-3': tier3,
  'tier-4': tier4,
  'tier-5': tier5,
};

/** The URL to fetch a sound from; `token` is the page's (uploaded sounds need it). */
export function soundUrl(id: string, token: string | null): string {
  if (isBundledSound(id)) return BUNDLED_URLS[id];
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `/sounds/${encodeURIComponent(id)}${query}`;
}
