/** `?demo` for the sponsor card: a 90-second segment with a promo code, a pause, the end. */
import type { SponsorCardView } from '../../../shared/protocol/channel-data';
import type { DemoScript } from '../../stage/demo-player';

const card = (elapsedSeconds: number, state: 'running' | 'paused'): SponsorCardView => ({
  segmentId: 'demo-segment',
  kind: 'sponsoredSegment',
  brand: 'Lumen Audio',
  product: 'Lumen Mic Pro ⚡',
  promoCode: 'LIME20',
  callToAction: '20% off at lumen.example — link in bio',
  logoUrl: null,
  plannedSeconds: 90,
  elapsedSeconds,
  state,
  measuredAt: 0,
});

const state = (value: SponsorCardView | null) => ({
  channel: 'sponsor' as const,
  type: 'sponsor.state',
  data: { card: value },
});

export function sponsorDemo(): DemoScript {
  return {
    initial: { sponsor: { card: null } },
    steps: [
      { afterMs: 500, updates: [state(card(0, 'running'))] },
      { afterMs: 8000, updates: [state(card(8, 'paused'))] },
      { afterMs: 3000, updates: [state(card(8, 'running'))] },
      { afterMs: 8000, updates: [state(null)] },
      { afterMs: 2000, updates: [] },
    ],
  };
}
