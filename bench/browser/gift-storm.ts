/** Gift events for the overlay parts: a deterministic mix of small and large one-shot gifts. */
import type { Socket } from 'socket.io-client';
import { delay } from '../lib/processes';

// Coin prices cycling through the tiers; most gifts in a storm are small.
const PRICES = [1, 1, 1, 5, 1, 1, 10, 1, 1, 99, 1, 1, 5, 1, 1, 1, 30, 1, 1, 500];

export function stormGift(label: string, seq: number): Record<string, unknown> {
  const viewer = seq % 997;
  const coins = PRICES[seq % PRICES.length] ?? 1;
  return {
    id: `bench-${label}-${seq}-${Date.now()}`,
    source: 'test',
    kind: 'gift',
    at: Date.now(),
    user: {
      id: String(7_300_000_000_000_000 + viewer),
      handle: `storm_viewer_${viewer}`,
      nickname: `Storm viewer ${viewer}`,
    },
    // Type 2 gifts do not streak: each frame is one committed send and one alert.
    gift: { id: 9_980_000 + coins, name: `Bench gift ${coins}`, coins, type: 2, imageUrl: null },
    repeatCount: 1,
    repeatEnd: true,
    groupId: `${label}-${seq}`,
  };
}

/** Emits `perSecond` gifts for `ms` (one acked `event` each); resolves with how many were acked. */
export async function giftStorm(
  socket: Socket,
  label: string,
  perSecond: number,
  ms: number,
): Promise<{ sent: number; acked: number }> {
  let sent = 0;
  let acked = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    const due = Math.floor(((performance.now() - started) * perSecond) / 1000) + 1;
    while (sent < due) {
      socket.emit('event', stormGift(label, sent++), (ack: { ok?: boolean }) => {
        if (ack?.ok) acked++;
      });
    }
    await delay(5);
  }
  await delay(200);
  return { sent, acked };
}
