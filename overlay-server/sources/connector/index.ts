/**
 * The composition of the live TikTok source for the CLI: `--tiktok @user [--record FILE]`.
 * Reads the sign-server key (never logged), builds the real transport, and returns the runner.
 */
import { type SourceClock, systemClock } from '../clock';
import type { EventSourceRunner } from '../source';
import { resolveTikTokApiKey } from './api-key';
import { createConnectorSource } from './connector-source';
import { createRawRecorder } from './raw-recorder';
import { createTikTokTransport } from './tiktok-transport';

export interface TikTokSourceOptions {
  /** `@user` or `user`. */
  handle: string;
  env: NodeJS.ProcessEnv;
  /** The Limelight home (config file with the optional `tiktok.apiKey`). */
  home: string;
  /** `--record FILE`: raw connector events appended as a recording. */
  recordPath?: string;
  clock?: SourceClock;
}

export interface TikTokSource {
  runner: EventSourceRunner;
  /** For the start-up line: where the key came from, never the key. */
  apiKeyFrom: ReturnType<typeof resolveTikTokApiKey>['from'];
}

export function createTikTokSource(options: TikTokSourceOptions): TikTokSource {
  const handle = options.handle.trim().replace(/^@/, '');
  if (!/^[\w.]{1,64}$/.test(handle)) {
    throw new Error(`--tiktok needs a TikTok handle like @user, got "${options.handle}"`);
  }
  const apiKey = resolveTikTokApiKey(options.env, options.home);
  const runner = createConnectorSource({
    handle,
    transport: createTikTokTransport({ handle, apiKey: apiKey.key }),
    clock: options.clock ?? systemClock,
    recorder: options.recordPath ? createRawRecorder(options.recordPath) : undefined,
  });
  return { runner, apiKeyFrom: apiKey.from };
}

export { createConnectorSource } from './connector-source';
export type { ConnectorTransport } from './transport';
