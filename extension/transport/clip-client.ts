/**
 * The server's clip API over HTTP (`/api/clips`): uploads as raw bodies and removals. Answers are
 * the server's ack envelope; a request that never reached the server reads as `DISCONNECTED`, so
 * the panel always has something to say.
 */
import type { Ack } from '../../shared/protocol/ack';
import type { ClipsState } from '../../shared/protocol/actions/actions-data';
import type { PairingTarget } from './pairing-link';

async function call(
  target: PairingTarget,
  method: 'PUT' | 'DELETE',
  path: string,
  body?: BodyInit,
  headers: Record<string, string> = {},
): Promise<Ack<ClipsState>> {
  try {
    const url = new URL(path, target.origin);
    if (target.streamer) url.searchParams.set('streamer', target.streamer);
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${target.token}`, ...headers },
      body,
    });
    const answer = (await response.json()) as Ack<ClipsState>;
    if (typeof answer === 'object' && answer !== null && 'ok' in answer) return answer;
    return { ok: false, code: 'INTERNAL', message: `the server answered ${response.status}` };
  } catch (error) {
    return {
      ok: false,
      code: 'DISCONNECTED',
      message: `the server did not answer: ${String(error)}`,
    };
  }
}

export const uploadClip = (target: PairingTarget, file: File) =>
  call(target, 'PUT', '/api/clips', file, { 'x-clip-name': encodeURIComponent(file.name) });

export const removeClip = (target: PairingTarget, clipId: string) =>
  call(target, 'DELETE', `/api/clips/${clipId}`);
