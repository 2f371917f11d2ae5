/**
 * The role matrix on a real server: each role admitted or refused on each namespace, a foreign
 * Origin refused, a stale protocol version refused with PROTOCOL_MISMATCH.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../shared/extension-id';
import type { HandshakeRefusal } from '../../shared/protocol/refusals';
import { NAMESPACE_ROLES, NAMESPACES, ROLES } from '../../shared/protocol/roles';
import { type ClientOptions, type RunningRelay, startRelay } from './support/relay-app';

let relay: RunningRelay;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay.stop();
});

type Outcome =
  | { connected: true }
  | { connected: false; code: string | undefined; message: string };

function attempt(
  ns: (typeof NAMESPACES)[number],
  options: ClientOptions & { token?: string },
): Promise<Outcome> {
  const socket = relay.client(ns, options);
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve({ connected: true });
    });
    socket.once('connect_error', (error: Error & { data?: HandshakeRefusal }) => {
      socket.disconnect();
      resolve({ connected: false, code: error.data?.code, message: error.message });
    });
  });
}

describe('handshake', () => {
  const matrix = NAMESPACES.flatMap((ns) =>
    ROLES.map((role) => ({ ns, role, allowed: NAMESPACE_ROLES[ns].includes(role) })),
  );

  it.each(matrix)('$role on $ns: allowed $allowed', async ({ ns, role, allowed }) => {
    const outcome = await attempt(ns, { token: relay.tokens[role] });
    if (allowed) expect(outcome).toEqual({ connected: true });
    else expect(outcome).toMatchObject({ connected: false, code: 'FORBIDDEN' });
  });

  it('refuses a wrong token with UNAUTHORIZED', async () => {
    expect(await attempt('/overlay', { token: 'not-a-token' })).toMatchObject({
      connected: false,
      code: 'UNAUTHORIZED',
    });
  });

  it('refuses a missing token with BAD_PAYLOAD', async () => {
    expect(await attempt('/overlay', {})).toMatchObject({ connected: false, code: 'BAD_PAYLOAD' });
  });

  it('refuses a stale protocol version with PROTOCOL_MISMATCH and says which', async () => {
    const outcome = await attempt('/control', { token: relay.tokens.owner, protocolVersion: 0 });
    expect(outcome).toMatchObject({ connected: false, code: 'PROTOCOL_MISMATCH' });
    expect(outcome.connected === false && outcome.message).toMatch(/protocol 0.*speaks 1/);
  });

  it('refuses a foreign Origin before any namespace is reached', async () => {
    for (const transports of [['websocket'], ['polling']] as const) {
      const outcome = await attempt('/overlay', {
        token: relay.tokens.overlay,
        origin: 'https://evil.example',
        transports: [...transports],
      });
      expect(outcome.connected).toBe(false);
    }
    const health = await fetch(`${relay.baseUrl}/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(health.status).toBe(403);
  });

  it('admits the extension origins and the server’s own pages', async () => {
    for (const origin of [
      `chrome-extension://${CHROME_EXTENSION_ID}`,
      'moz-extension://0b2f1c7e-7c1a-4d8e-9f55-6f0e5b1a2c3d',
      `http://127.0.0.1:${relay.port}`,
      `http://localhost:${relay.port}`,
    ]) {
      expect(
        await attempt('/control', { token: relay.tokens.owner, origin, transports: ['polling'] }),
      ).toEqual({
        connected: true,
      });
    }
    expect(
      await attempt('/control', {
        token: relay.tokens.owner,
        origin: 'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh',
      }),
    ).toMatchObject({ connected: false });
  });
});
