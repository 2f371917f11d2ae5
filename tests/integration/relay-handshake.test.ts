/**
 * The role matrix on a real server: each role admitted or refused on each namespace, a foreign
 * Origin refused with ORIGIN_REFUSED, a stale protocol version refused with PROTOCOL_MISMATCH —
 * each reaching the client as its code through the client helper every part uses.
 */

import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../shared/extension-id';
import { clientConnection, readRefusal } from '../../shared/protocol/client-connection';
import type { Handshake } from '../../shared/protocol/handshake';
import type { HandshakeRefusal } from '../../shared/protocol/refusals';
import { NAMESPACE_ROLES, NAMESPACES, ROLES } from '../../shared/protocol/roles';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
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

  it('refuses a foreign Origin with ORIGIN_REFUSED on every transport; plain HTTP with 403', async () => {
    for (const transports of [['websocket'], ['polling']] as const) {
      const outcome = await attempt('/overlay', {
        token: relay.tokens.overlay,
        origin: 'https://evil.example',
        transports: [...transports],
      });
      expect(outcome).toMatchObject({ connected: false, code: 'ORIGIN_REFUSED' });
    }
    const health = await fetch(`${relay.baseUrl}/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(health.status).toBe(403);
  });

  it('every refusal reaches a client built by the shared helper as its code', async () => {
    const refusalOf = (
      options: { token: string; origin?: string },
      auth: (handshake: Handshake) => Handshake = (handshake) => handshake,
    ) => {
      const connection = clientConnection({
        origin: relay.baseUrl,
        namespace: '/overlay',
        token: options.token,
        client: 'overlay:test',
      });
      const socket = connectClient(connection.url, {
        auth: auth(connection.auth),
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: options.origin ? { origin: options.origin } : undefined,
      });
      return new Promise<HandshakeRefusal | 'connected' | 'no code'>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(readRefusal(error) ?? 'no code'));
      }).finally(() => socket.disconnect());
    };
    const good = { token: relay.tokens.overlay };
    expect(await refusalOf(good)).toBe('connected');
    expect(await refusalOf({ ...good, origin: 'https://evil.example' })).toEqual({
      code: 'ORIGIN_REFUSED',
      message: 'origin https://evil.example is not allowed',
    });
    expect(
      await refusalOf(good, (handshake) => ({
        ...handshake,
        protocolVersion: PROTOCOL_VERSION - 1,
      })),
    ).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
    expect(await refusalOf({ token: 'not-a-token' })).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await refusalOf({ token: relay.tokens.ingest })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses every client on the main namespace', async () => {
    const socket = connectClient(relay.baseUrl, {
      auth: clientConnection({
        origin: relay.baseUrl,
        namespace: '/overlay',
        token: relay.tokens.owner,
        client: 'test',
      }).auth,
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const error = await new Promise<unknown>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(readRefusal(error)).toMatchObject({ code: 'FORBIDDEN' });
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
