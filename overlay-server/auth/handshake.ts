/**
 * The Socket.IO handshake check run on every namespace: origin, protocol version, token and the
 * token's role, each refused with its own code so a stale or misconfigured client fails loudly.
 */
import type { Socket } from 'socket.io';
import { parseWith } from '../../shared/events/parse';
import { type HandshakeRefusal, handshakeSchema } from '../../shared/protocol/handshake';
import { type Namespace, type Role, roleMayUse } from '../../shared/protocol/roles';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { OriginPolicy } from './origins';
import { type RoleTokens, roleForToken } from './tokens';

/** What the server keeps on each socket (restored with the socket on state recovery). */
export interface SessionData {
  role: Role;
  /** Free text from the client, for logs and /health. */
  client: string;
}

/** The error Socket.IO hands to the client's `connect_error`, carrying `data`. */
export class RefusedHandshake extends Error {
  readonly data: HandshakeRefusal;
  constructor(code: HandshakeRefusal['code'], message: string) {
    super(message);
    this.data = { code, message };
  }
}

export type HandshakeResult =
  | { ok: true; session: SessionData }
  | { ok: false; refusal: RefusedHandshake };

/** Pure decision, apart from Socket.IO so it can be read and tested as a table. */
export function checkHandshake(
  namespace: Namespace,
  auth: unknown,
  origin: string | undefined,
  tokens: RoleTokens,
  origins: OriginPolicy,
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
  const { token, protocolVersion, client } = parsed.value;
  if (protocolVersion !== PROTOCOL_VERSION) {
    return refuse('PROTOCOL_MISMATCH', versionMessage(protocolVersion));
  }
  const role = roleForToken(tokens, token);
  if (role === null) return refuse('UNAUTHORIZED', 'unknown token');
  if (!roleMayUse(role, namespace)) {
    return refuse('FORBIDDEN', `the ${role} role may not use ${namespace}`);
  }
  return { ok: true, session: { role, client: client ?? 'unnamed' } };
}

function versionMessage(version: unknown): string {
  return `client speaks protocol ${String(version)}, server speaks ${PROTOCOL_VERSION}: update or reload the client`;
}

/** `io.of(ns).use(...)` middleware. `onRefused` hears every refusal (for a log line, no token). */
export function handshakeMiddleware(
  namespace: Namespace,
  tokens: RoleTokens,
  origins: OriginPolicy,
  onRefused: (refusal: HandshakeRefusal, origin: string | undefined) => void = () => {},
): (socket: Socket, next: (err?: Error) => void) => void {
  return (socket, next) => {
    const origin = socket.handshake.headers.origin;
    const result = checkHandshake(namespace, socket.handshake.auth, origin, tokens, origins);
    if (!result.ok) {
      onRefused(result.refusal.data, origin);
      return next(result.refusal);
    }
    Object.assign(socket.data as object, result.session);
    next();
  };
}
