/**
 * The server's upload APIs over HTTP (`/api/clips`, `/api/sounds`): raw-body uploads, removals
 * and settings. Answers are the server's ack envelope; a request that never reached the server
 * reads as `DISCONNECTED`, so the panel always has something to say.
 */
import type { Ack } from '../../shared/protocol/ack';
import type { PairingTarget } from './pairing-link';

export async function callUploadApi<T>(
  target: PairingTarget,
  method: 'PUT' | 'DELETE',
  path: string,
  body?: BodyInit,
  headers: Record<string, string> = {},
): Promise<Ack<T>> {
  try {
    const url = new URL(path, target.origin);
    if (target.streamer) url.searchParams.set('streamer', target.streamer);
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${target.token}`, ...headers },
      body,
    });
    const answer = (await response.json()) as Ack<T>;
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
