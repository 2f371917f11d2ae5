import { describe, expect, it } from 'vitest';
import { ArgsError, DEFAULT_PORT, parseStartArgs } from './start-args';

describe('npm start flags', () => {
  it('defaults to the simulated stream on 127.0.0.1:7420', () => {
    expect(parseStartArgs([])).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      config: undefined,
      record: undefined,
      source: { kind: 'simulator', seed: 1, preset: 'mid', speed: 1 },
      buildOverlays: true,
      overlaysDir: undefined,
      readyLine: false,
      logJson: false,
      strict: false,
      redis: undefined,
      node: undefined,
      leaseMs: undefined,
      publicUrl: undefined,
      trustProxy: [],
      help: false,
    });
    expect(DEFAULT_PORT).toBe(7420);
  });

  it('reads a replay, a seed and preset, a host, a config dir', () => {
    expect(parseStartArgs(['--replay', 'x.jsonl', '--speed', 'max']).source).toEqual({
      kind: 'replay',
      file: 'x.jsonl',
      speed: 'max',
    });
    expect(parseStartArgs(['--seed', '42', '--preset', 'huge']).source).toMatchObject({
      seed: 42,
      preset: 'huge',
    });
    expect(
      parseStartArgs(['--host', '0.0.0.0', '--port', '0', '--config', '/tmp/l']),
    ).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      config: '/tmp/l',
    });
    expect(parseStartArgs(['--tiktok', '@someone']).source).toEqual({
      kind: 'tiktok',
      user: '@someone',
    });
    expect(parseStartArgs(['--no-source']).source).toEqual({ kind: 'none' });
    expect(parseStartArgs(['--replay', 'x.jsonl', '--strict']).strict).toBe(true);
  });

  it('reads the cluster and reverse-proxy flags; a cluster process takes events on /ingest only', () => {
    expect(
      parseStartArgs([
        '--redis',
        'redis://127.0.0.1:6379',
        '--node',
        'a',
        '--lease-ms',
        '2000',
        '--public-url',
        'https://live.example.com',
        '--trust-proxy',
        '127.0.0.1,::1',
      ]),
    ).toMatchObject({
      redis: 'redis://127.0.0.1:6379',
      node: 'a',
      leaseMs: 2000,
      publicUrl: 'https://live.example.com',
      trustProxy: ['127.0.0.1', '::1'],
      source: { kind: 'none' },
    });
  });

  it('prints JSON logs and the ready line only when asked', () => {
    expect(parseStartArgs(['--log-json', '--ready-line', '--overlays', '/tmp/o'])).toMatchObject({
      logJson: true,
      readyLine: true,
      overlaysDir: '/tmp/o',
    });
    expect(parseStartArgs([], { LIMELIGHT_LOG_FORMAT: 'json' }).logJson).toBe(true);
    expect(parseStartArgs([], { LIMELIGHT_LOG_FORMAT: 'human' }).logJson).toBe(false);
  });

  it.each([
    [['--port', '70000']],
    [['--port', 'abc']],
    [['--preset', 'giant']],
    [['--seed', '1.5']],
    [['--replay', 'a', '--tiktok', '@b']],
    [['--bogus']],
    [['--speed', '-2']],
    [['--record', 'x.jsonl']],
    [['--strict']],
    [['--tiktok', '@b', '--strict']],
    [['--redis', 'redis://x', '--replay', 'a.jsonl']],
    [['--lease-ms', '100']],
    [['--public-url', 'live.example.com']],
  ])('refuses %j', (argv) => {
    expect(() => parseStartArgs(argv)).toThrow(ArgsError);
  });
});
