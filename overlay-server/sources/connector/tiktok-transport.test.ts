import {
  InvalidResponseCompositeError,
  InvalidUniqueIdError,
  PremiumFeatureError,
  SignAPIError,
  SignatureRateLimitError,
  UserOfflineError,
  WebcastEvent,
} from 'tiktok-live-connector';
import { describe, expect, it } from 'vitest';
import { MAPPED_CONNECTOR_EVENTS } from '../tiktok-payloads/index';
import { classifyConnectError, RECORDED_CONNECTOR_EVENTS, redactSecret } from './tiktok-transport';

describe('the events the transport listens to', () => {
  it("are the installed library's own event names, and every one the mapping reads", () => {
    const emitted: string[] = Object.values(WebcastEvent);
    expect(RECORDED_CONNECTOR_EVENTS.filter((name) => !emitted.includes(name))).toEqual([]);
    // `subscribe` is connector 1.x's name for what 2.5 calls `subNotify`.
    const expected = MAPPED_CONNECTOR_EVENTS.filter((name) => name !== 'subscribe');
    expect([...RECORDED_CONNECTOR_EVENTS].sort()).toEqual([...expected].sort());
  });
});

// The library frames sign-server messages in a box and needs them at least 19 characters long.
const SERVER_MESSAGE = 'The sign server has a message for you.';

// The real connection cannot reach TikTok from tests (no network); these are the library's own
// error classes, built as the library builds them.
describe('classifyConnectError', () => {
  it('maps each connector failure to the state the panel shows', () => {
    const rateLimited = new SignatureRateLimitError(
      SERVER_MESSAGE,
      'Too many connections, retry in %s',
      {
        headers: { 'retry-after': '120' },
      },
    );
    const cases: Array<[unknown, string]> = [
      [new UserOfflineError("The requested user isn't online :("), 'notLive'],
      [rateLimited, 'rateLimited'],
      [
        new SignAPIError(
          'Sign Error' as never,
          undefined,
          undefined,
          'Unexpected sign server status 401. Payload:',
        ),
        'invalidApiKey',
      ],
      [
        new SignAPIError(
          'Sign Error' as never,
          undefined,
          undefined,
          'Unexpected sign server status 500.',
        ),
        'signServer',
      ],
      [
        new SignAPIError(
          'Connect Error' as never,
          undefined,
          undefined,
          'Failed to connect to sign server.',
        ),
        'signServer',
      ],
      [
        new InvalidResponseCompositeError(
          { routeId: 'x' },
          'Failed to retrieve Room ID from all sources.',
        ),
        'unreachable',
      ],
      [new InvalidUniqueIdError('Missing or invalid value for uniqueId'), 'invalidUser'],
      [new Error('socket hang up'), 'unknown'],
    ];
    for (const [error, kind] of cases) expect(classifyConnectError(error).kind).toBe(kind);
    expect(classifyConnectError(rateLimited).retryAfterMs).toBe(120_000);
  });

  it('calls a premium-feature refusal an invalid key only when a key was given', () => {
    const refusal = new PremiumFeatureError(SERVER_MESSAGE, 'Forbidden');
    expect(classifyConnectError(refusal, 'key-123').kind).toBe('invalidApiKey');
    expect(classifyConnectError(refusal).kind).toBe('signServer');
  });

  it('never lets the API key into a message', () => {
    const key = 'euler_secret_key_value';
    const failure = classifyConnectError(new Error(`bad key ${key} refused`), key);
    expect(failure.message).not.toContain(key);
    expect(redactSecret(`a ${key} b ${key}`, key)).toBe('a [redacted] b [redacted]');
  });
});
