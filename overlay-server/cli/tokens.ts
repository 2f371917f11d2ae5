/**
 * `npm run tokens -- list|issue|revoke|unpin …`: the owner's tokens, beyond the four of
 * config.json: a moderator's for one or several streams, an overlay or ingest token for another
 * stream, each with an expiry, revocable. A single server keeps them in `tokens.json` in the
 * config folder; a cluster (`--redis URL`) in Redis. Running servers see a change within a second
 * and close the sockets of a revoked or expired token.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/protocol/roles';
import { isStreamerId } from '../../shared/protocol/streamers';
import { loadOrCreateConfig, resolveHome } from '../auth/config-file';
import { createTokenFileStore } from '../auth/token-file-store';
import { parseExpiry, summarizeToken } from '../auth/token-records';
import { TokenRegistry, type TokenStore } from '../auth/token-registry';
import { connectRedis, type RedisClient } from '../cluster/redis-client';
import { createRedisTokenStore } from '../cluster/redis-token-store';
import { silentLogger } from '../log';
import { tokenLinks } from './token-links';

const USAGE = `Usage: npm run tokens -- COMMAND [options]

  list                         every token: id, role, streams, state, expiry, pinned origin
  issue --role ROLE --stream ID [--stream ID …] [--expires 30d|12h|ISO|never] [--label TEXT]
        [--rate N/s] [--url BASE]
                               a new token (ROLE: ${ROLES.join(', ')}); the secret is printed
                               once, with its pairing link or overlay URL when --url is given
  revoke ID                    refuses the token from now on; its live connections close
  unpin ID                     lets the next Firefox install pair with the token

  --config DIR   the config folder (default $LIMELIGHT_HOME or ~/.limelight)
  --redis URL    the cluster's Redis (its tokens live there)
  --json         print JSON instead of text`;

interface Flags {
  role?: string;
  stream?: string[];
  expires?: string;
  label?: string;
  rate?: string;
  url?: string;
  config?: string;
  redis?: string;
  json?: boolean;
  help?: boolean;
}

async function main(): Promise<number> {
  let values: Flags;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        stream: { type: 'string', multiple: true },
        expires: { type: 'string' },
        label: { type: 'string' },
        rate: { type: 'string' },
        url: { type: 'string' },
        config: { type: 'string' },
        redis: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const [command, id] = positionals;
  if (values.help || command === 'help' || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const home = resolveHome(values.config, process.env);
  const { config } = loadOrCreateConfig(home);
  let redis: RedisClient | null = null;
  let store: TokenStore;
  if (values.redis) {
    redis = await connectRedis(values.redis, silentLogger);
    store = createRedisTokenStore(redis);
  } else store = createTokenFileStore(home);
  const tokens = new TokenRegistry(config.tokens, store);
  try {
    await tokens.refresh();
    return await run(command, id, values, tokens);
  } finally {
    await redis?.quit();
  }
}

async function run(
  command: string,
  id: string | undefined,
  values: Flags,
  tokens: TokenRegistry,
): Promise<number> {
  const now = Date.now();
  const print = (text: string, json: unknown) =>
    process.stdout.write(`${values.json ? JSON.stringify(json, null, 2) : text}\n`);
  switch (command) {
    case 'list': {
      const all = tokens.list().map((record) => summarizeToken(record, now));
      const lines = all.map(
        (t) =>
          `${t.id.padEnd(16)} ${t.role.padEnd(9)} ${t.state.padEnd(7)} streams ${t.streamers.join(',')}` +
          `${t.expiresAt ? `, expires ${new Date(t.expiresAt).toISOString()}` : ''}` +
          `${t.pinnedOrigin ? `, pinned to ${t.pinnedOrigin}` : ''}${t.label ? ` (${t.label})` : ''}`,
      );
      print(lines.join('\n'), all);
      return 0;
    }
    case 'issue': {
      const role = values.role as Role;
      if (!ROLES.includes(role)) return usage(`--role: one of ${ROLES.join(', ')}`);
      const streamers = values.stream ?? [];
      if (streamers.length === 0 || !streamers.every(isStreamerId))
        return usage('--stream ID (lower-case letters, digits and dashes), one or more');
      let expiresAt: number | null;
      let rate: { perSecond: number; burst: number } | undefined;
      try {
        expiresAt = parseExpiry(values.expires ?? 'never', now);
        rate = values.rate === undefined ? undefined : parseRate(values.rate);
      } catch (error) {
        return usage(error instanceof Error ? error.message : String(error));
      }
      const { record, secret } = await tokens.issue({
        role,
        streamers,
        expiresAt,
        label: values.label,
        rate,
      });
      const links = values.url ? tokenLinks(values.url, role, secret, record.streamers) : [];
      print(
        [
          `${record.id} (${role} of ${streamers.join(', ')})`,
          `  token: ${secret}`,
          ...links.map((l) => `  ${l}`),
        ].join('\n'),
        { ...summarizeToken(record, now), secret, links },
      );
      return 0;
    }
    case 'revoke':
    case 'unpin': {
      if (!id) return usage(`${command} takes a token id (npm run tokens -- list)`);
      const changed = command === 'revoke' ? await tokens.revoke(id, now) : await tokens.unpin(id);
      if (!changed) {
        process.stderr.write(`no token ${id}\n`);
        return 1;
      }
      print(`${id} ${command === 'revoke' ? 'revoked' : 'unpinned'}`, summarizeToken(changed, now));
      return 0;
    }
    default:
      return usage(`unknown command ${command}`);
  }
}

/** `200/s` or `200/s,400` (per second, burst; the burst defaults to twice the rate). */
function parseRate(text: string): { perSecond: number; burst: number } {
  const match = /^(\d+(?:\.\d+)?)\/s(?:,(\d+))?$/.exec(text);
  if (!match) throw new Error(`--rate ${text}: use N/s or N/s,BURST`);
  const perSecond = Number(match[1]);
  return { perSecond, burst: match[2] ? Number(match[2]) : perSecond * 2 };
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n\n${USAGE}\n`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`tokens: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
