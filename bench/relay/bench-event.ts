/**
 * The relay workload: ~400-byte chat events (the size of a real gift event) whose text carries
 * the run, the sequence number and the send time, so subscribers can measure latency and count
 * what arrived. Chat lines are relayed one-to-one (gifts merge in storm mode), so every sent event
 * is expected at every client.
 */
const PADDING = 'x'.repeat(80);
const AVATAR =
  'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7310000000000000000~c5_100x100.jpeg';

/** Send time on a clock shared by every process on this machine, in ms with µs resolution. */
export const sharedClockMs = (): number => performance.timeOrigin + performance.now();

export function benchChatEvent(runId: number, seq: number): Record<string, unknown> {
  const viewer = seq % 500;
  return {
    id: `bench-${runId}-${seq}`,
    source: 'test',
    kind: 'chat',
    at: Date.now(),
    user: {
      id: String(7_100_000_000_000_000 + viewer),
      handle: `bench_viewer_${viewer}`,
      nickname: `Bench viewer ${viewer}`,
      avatarUrl: AVATAR,
    },
    text: `bench ${runId} ${seq} ${sharedClockMs().toFixed(3)} ${PADDING}`,
    emotes: [],
  };
}

/** Reads the marker back from a relayed text; null for anything that is not a bench line. */
export function parseBenchText(
  text: unknown,
): { runId: number; seq: number; sentAt: number } | null {
  if (typeof text !== 'string' || !text.startsWith('bench ')) return null;
  const parts = text.split(' ', 4);
  const runId = Number(parts[1]);
  const seq = Number(parts[2]);
  const sentAt = Number(parts[3]);
  if (!Number.isInteger(runId) || !Number.isInteger(seq) || !Number.isFinite(sentAt)) return null;
  return { runId, seq, sentAt };
}
