/** Narrows inbound leaderboard payloads to the shapes drawn. */
import type { LeaderboardState } from '../../../shared/protocol/channel-data';
import { isNumber, isRecord, readList, readViewer } from '../../stage/guards';
import { readBadges } from '../chat/chat-wire';

type Entry = LeaderboardState['top'][number];

function readEntry(value: unknown): Entry | null {
  const viewer = readViewer(value);
  if (!viewer || !isRecord(value) || !isNumber(value.coins)) return null;
  return { ...viewer, ...readBadges(value), coins: value.coins };
}

export function readLeaderboardState(value: unknown): LeaderboardState | null {
  return isRecord(value) ? { top: readList(value.top, readEntry) } : null;
}
