import { describe, expect, it } from 'vitest';
import { clientConnection, readRefusal, readRefusedNotice } from './client-connection';
import { handshakeSchema } from './handshake';
import { PROTOCOL_VERSION } from './version';

describe('clientConnection', () => {
  it('builds the namespace URL and a handshake the server’s schema takes', () => {
    const connection = clientConnection({
      origin: 'http://127.0.0.1:4455',
      namespace: '/control',
      token: 't0k3n',
      client: 'extension:sidepanel',
      streamer: 'ana',
    });
    expect(connection).toEqual({
      url: 'http://127.0.0.1:4455/control',
      auth: {
        token: 't0k3n',
        protocolVersion: PROTOCOL_VERSION,
        client: 'extension:sidepanel',
        streamer: 'ana',
      },
    });
    expect(handshakeSchema.parse(connection.auth)).toEqual(connection.auth);
    const noStream = clientConnection({
      origin: '',
      namespace: '/overlay',
      token: 't',
      client: 'overlay:chat',
      streamer: null,
    });
    expect(noStream.auth).not.toHaveProperty('streamer');
  });
});

describe('readRefusal', () => {
  it('reads the code of a refused handshake, and nothing from a transport error', () => {
    const refused = Object.assign(new Error('origin x is not allowed'), {
      data: { code: 'ORIGIN_REFUSED', message: 'origin x is not allowed' },
    });
    expect(readRefusal(refused)).toEqual({
      code: 'ORIGIN_REFUSED',
      message: 'origin x is not allowed',
    });
    expect(readRefusal(new Error('websocket error'))).toBeNull();
    expect(
      readRefusal(Object.assign(new Error('x'), { data: { code: 'NOPE', message: '' } })),
    ).toBeNull();
    expect(readRefusal(null)).toBeNull();
  });

  it('reads a live connection’s refused notice', () => {
    expect(readRefusedNotice({ code: 'TOKEN_REVOKED', message: 'revoked' })).toEqual({
      code: 'TOKEN_REVOKED',
      message: 'revoked',
    });
    expect(readRefusedNotice({ code: 'revoked' })).toBeNull();
  });
});
