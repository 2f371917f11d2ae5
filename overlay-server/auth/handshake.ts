/**
 * The Socket.IO handshake check run on every namespace: origin, protocol version, token (known,
 * not revoked, not expired), the token's role and the stream asked for, each refused with its
 * own code so a stale or misconfigured client fails loudly. A Firefox install's origin is pinned
 * to the token the first time it uses it (grant-check.ts).
 */
import type { DefaultEventsMap, Namespace as IoNamespace, Socket } from 'socket.io';
import { parseWith } from '../../shared/events/parse';
import type { Channel } from '../../shared/protocol/channels';
import { handshakeSchema } from '../../shared/protocol/handshake';
import type { HandshakeRefusal } from '../../shared/protocol/refusals';
import { NAMESPACE_ROLES, type Namespace, type Role } from '../../shared/protocol/roles';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { TokenBudgets } from '../pipeline/rate-limit';
import { checkGrant } from './grant-check';
import type { HandshakeGuard } from './handshake-guard';
import type { OriginPolicy } from './origins';
import type { TokenRegistry } from './token-registry';

/** What the server keeps on each socket (restored with the socket on state recovery). */
export interface SessionData {
  role: Role;
  /** Free text from the client, for logs and /health. */
  client: string;
  /** The stream this socket acts on (one its token grants). */
  streamer: string;
  /** Its token's id, to re-check it while the socket lives (revoked, expired). */
  tokenId: string;
  /** Every stream its token grants (the panel offers to switch between them). */
  streamers: string[];
  /** The channels a watcher (overlay, panel) receives, once subscribed. */
  channels?: Channel[];
  /** The channels it asked for, before any were withheld from its role (money-access.ts). */
  wanted?: Channel[];
}

/**
 * A socket and a namespace of this server, with `socket.data` typed: the handshake check fills
 * it before any connection handler runs. Each namespace types its events on top (namespaces/).
 */
export type SessionSocket = Socket<
  DefaultEventsMap,
  DefaultEventsMap,
  DefaultEventsMap,
  SessionData
>;
export type SessionNamespace = IoNamespace<
  DefaultEventsMap,
  DefaultEventsMap,
  DefaultEventsMap,
  SessionData
>;

/** The error Socket.IO hands to the client's `connect_error`, carrying `data`. */
export class RefusedHandshake extends Error {
  readonly data: HandshakeRefusal;
  constructor(code: HandshakeRefusal['code'], message: string) {
    super(message);
    this.data = { code, message };
  }
}

export type HandshakeResult =
  | { ok: true; session: SessionData; pin: string | null }
  | { ok: false; refusal: RefusedHandshake };

/** Pure decision, apart from Socket.IO so it can be read and tested as a table. */
export function checkHandshake(
  namespace: Namespace,
  auth: unknown,
  origin: string | undefined,
  tokens: TokenRegistry,
  origins: OriginPolicy,
  now: number = Date.now(),
): HandshakeResult {
  const refuse = (code: HandshakeRefusal['code'], message: string) => ({
    ok: false as const,
    refusal: new RefusedHandshake(code, message),
  });
  if (!origins.allows(origin)) return refuse('ORIGIN_REFUSED', `origin ${origin} is not allowed`);
  const parsed = parseWith(handshakeSchema, auth);
  if (!parsed.ok) {
    const version = (auth as { protocolVersion?: unknown } | null)?.protocolVersion;
    if (version !== undefined && version !== PROTOCOL_VERSION) {
      return refuse('PROTOCOL_MISMATCH', versionMessage(version));
    }
    return refuse('BAD_PAYLOAD', `handshake auth: ${parsed.message}`);
  }
  const { token, protocolVersion, client, streamer } = parsed.value;
  if (protocolVersion !== PROTOCOL_VERSION) {
    return refuse('PROTOCOL_MISMATCH', versionMessage(protocolVersion));
  }
  const grant = checkGrant(tokens.lookup(token), {
    roles: NAMESPACE_ROLES[namespace],
    what: `use ${namespace}`,
    streamer,
    origin,
    now,
  });
  if (!grant.ok) return refuse(grant.code as HandshakeRefusal['code'], grant.message);
  const session: SessionData = {
    role: grant.record.role,
    client: client ?? 'unnamed',
    streamer: grant.streamer,
    tokenId: grant.record.id,
    streamers: [...grant.record.streamers],
  };
  return { ok: true, session, pin: grant.pin };
}

function versionMessage(version: unknown): string {
  return `client speaks protocol ${String(version)}, server speaks ${PROTOCOL_VERSION}: update or reload the client`;
}

/** Refusals that count against the address as a guessed token (handshake-guard.ts). */
const WRONG_TOKEN: ReadonlySet<string> = new Set([
  'UNAUTHORIZED',
  'TOKEN_REVOKED',
  'TOKEN_EXPIRED',
]);

export interface HandshakeLimits {
  /** A handshake costs one message of the token's budget on the namespace. */
  budgets?: TokenBudgets;
  /** Addresses that presented too many wrong tokens wait. */
  guard?: HandshakeGuard;
}

/** `io.of(ns).use(...)` middleware. `onRefused` hears every refusal (for a log line, no token). */
export function handshakeMiddleware(
  namespace: Namespace,
  tokens: TokenRegistry,
  origins: OriginPolicy,
  onRefused: (refusal: HandshakeRefusal, origin: string | undefined) => void = () => {},
  limits: HandshakeLimits = {},
): (socket: SessionSocket, next: (err?: Error) => void) => void {
  const { budgets, guard } = limits;
  const refused = (code: HandshakeRefusal['code'], message: string) => ({
    ok: false as const,
    refusal: new RefusedHandshake(code, message),
  });
  return (socket, next) => {
    const origin = socket.handshake.headers.origin;
    const result: HandshakeResult = guard?.blocked(socket.request)
      ? refused('RATE_LIMITED', 'too many wrong tokens from this address; wait a minute')
      : checkHandshake(namespace, socket.handshake.auth, origin, tokens, origins);
    if (!result.ok && WRONG_TOKEN.has(result.refusal.data.code)) guard?.refused(socket.request);
    const finish = (outcome: HandshakeResult) => {
      if (!outcome.ok) {
        onRefused(outcome.refusal.data, origin);
        return next(outcome.refusal);
      }
      Object.assign(socket.data, outcome.session);
      if (outcome.pin === null) return next();
      // The first Firefox install to use this token: it is the one paired from now on.
      tokens.pin(outcome.session.tokenId, outcome.pin).then(
        () => next(),
        (error: unknown) =>
          next(
            new RefusedHandshake('ORIGIN_REFUSED', `could not pin this origin: ${String(error)}`),
          ),
      );
    };
    if (!result.ok || !budgets) return finish(result);
    const { tokenId } = result.session;
    const tooMany = refused('RATE_LIMITED', 'too many connections from this token; slow down');
    const answer = budgets.bucket(tokenId, namespace, tokens.byId(tokenId)?.rate).take(1);
    if (typeof answer === 'boolean') return finish(answer ? result : tooMany);
    void answer.then((granted) => finish(granted ? result : tooMany));
  };
}
