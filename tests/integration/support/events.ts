/** Valid events for integration tests, built on the engines' scripted test events. */

import { script, viewer } from '../../../shared/engines/test-events';
import type { LiveEvent } from '../../../shared/events/live-event';

export { script, viewer };

/** A gift that commits at once (type 2 does not streak). */
export function instantGift(
  s: ReturnType<typeof script>,
  handle: string,
  coins: number,
): LiveEvent {
  return s.gift(viewer(handle), { name: 'Lion', coins, type: 2, count: 1, end: true, id: 6369 });
}
