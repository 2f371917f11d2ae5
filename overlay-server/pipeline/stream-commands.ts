/**
 * The server's own control commands: a stream starts and ends explicitly (besides the source's
 * stream end and the first event after none is running). Owner only.
 */
export type StreamCommand = { type: 'stream.start' } | { type: 'stream.end' };

export function parseStreamCommand(payload: unknown): StreamCommand | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const type = (payload as { type?: unknown }).type;
  if (type === 'stream.start' || type === 'stream.end') return { type };
  return null;
}
