import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../shared/extension-id';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { checkHandshake } from './handshake';
import { createOriginPolicy } from './origins';
import { TokenRegistry } from './token-registry';
import { newRoleTokens } from './tokens';

const roleTokens = newRoleTokens();
const tokens = new TokenRegistry(roleTokens);
const origins = createOriginPolicy(['127.0.0.1', 'localhost'], () => 7420);
const auth = (token: string, protocolVersion: unknown = PROTOCOL_VERSION) => ({
  token,
  protocolVersion,
});
const code = (result: ReturnType<typeof checkHandshake>) =>
  result.ok ? 'ok' : result.refusal.data.code;

describe('handshake check', () => {
  it('answers each wrong thing with its own code', () => {
    expect(
      code(checkHandshake('/overlay', auth(roleTokens.overlay), undefined, tokens, origins)),
    ).toBe('ok');
    expect(
      code(checkHandshake('/overlay', auth('nope-nope-nope'), undefined, tokens, origins)),
    ).toBe('UNAUTHORIZED');
    expect(
      code(checkHandshake('/ingest', auth(roleTokens.overlay), undefined, tokens, origins)),
    ).toBe('FORBIDDEN');
    expect(
      code(checkHandshake('/control', auth(roleTokens.owner, 2), undefined, tokens, origins)),
    ).toBe('PROTOCOL_MISMATCH');
    expect(
      code(checkHandshake('/control', auth(roleTokens.owner, '1'), undefined, tokens, origins)),
    ).toBe('PROTOCOL_MISMATCH');
    expect(code(checkHandshake('/control', null, undefined, tokens, origins))).toBe('BAD_PAYLOAD');
    expect(
      code(
        checkHandshake('/control', auth(roleTokens.owner), 'https://evil.example', tokens, origins),
      ),
    ).toBe('ORIGIN_REFUSED');
  });

  it('admits the pinned extension, Firefox extensions and its own pages only', () => {
    expect(origins.allows(`chrome-extension://${CHROME_EXTENSION_ID}`)).toBe(true);
    expect(origins.allows('moz-extension://0b2f1c7e-7c1a-4d8e-9f55-6f0e5b1a2c3d')).toBe(true);
    expect(origins.allows('http://127.0.0.1:7420')).toBe(true);
    expect(origins.allows('http://localhost:7420')).toBe(true);
    expect(origins.allows(undefined)).toBe(true);
    expect(origins.allows('http://127.0.0.1:7421')).toBe(false);
    expect(origins.allows('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe(false);
    expect(origins.allows('null')).toBe(false);
    expect(origins.allows('http://localhost.evil.example:7420')).toBe(false);
  });

  it('maps tokens to roles and nothing else to anything', () => {
    expect(tokens.lookup('')).toBeNull();
    expect(tokens.lookup(roleTokens.moderator)?.role).toBe('moderator');
    expect(tokens.lookup(`${roleTokens.owner}x`)).toBeNull();
    expect(tokens.lookup(42)).toBeNull();
  });
});
