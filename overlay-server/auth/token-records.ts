/**
 * Tokens as records: who holds a secret may act with its role on the streams it grants, until it
 * expires or is revoked. Only a hash of each secret is kept (the secret is shown once, when it is
 * issued); the four tokens of `config.json` are records too, granting the default stream.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/protocol/roles';
import { STREAMER_ID } from '../../shared/protocol/streamers';

/** A token's own budget, messages per second on each namespace it uses (role defaults otherwise). */
export const rateBudgetSchema = z.object({
  perSecond: z.number().positive(),
  burst: z.number().positive(),
});

export const tokenRecordSchema = z.object({
  /** Public name of the token, for lists and revocation (never the secret). */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** SHA-256 of the secret, base64url. */
  hash: z.string().min(16),
  role: z.enum(ROLES),
  /** The streams this token acts on; the first is where it connects when none is named. */
  streamers: z.array(z.string().regex(STREAMER_ID)).min(1),
  label: z.string().max(80).optional(),
  createdAt: z.number(),
  /** Epoch ms after which the token is refused; null: no expiry. */
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  /**
   * A browser-extension origin pinned at the token's first use from one: Firefox gives each
   * install its own random `moz-extension://<uuid>`, so the pairing fixes which one may use it.
   */
  pinnedOrigin: z.string().max(200).optional(),
  /** Overrides of the namespaces' default budgets for this token. */
  rate: rateBudgetSchema.optional(),
});

/** One token as the server keeps it. */
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

/** 32 random bytes, URL-safe, so tokens can sit in an OBS browser-source URL as `?token=`. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** A fresh id for an issued token, e.g. `tok_4f1c9a0b2e`. */
export function newTokenId(): string {
  return `tok_${randomBytes(5).toString('hex')}`;
}

export interface IssueRequest {
  role: Role;
  streamers: string[];
  label?: string;
  /** Epoch ms; null for a token that never expires. */
  expiresAt: number | null;
  rate?: TokenRecord['rate'];
}

/** A new record and its secret: the secret leaves the server once, in this answer. */
export function issueToken(
  request: IssueRequest,
  now: number = Date.now(),
): { record: TokenRecord; secret: string } {
  const secret = newTokenSecret();
  const record: TokenRecord = {
    id: newTokenId(),
    hash: hashTokenSecret(secret),
    role: request.role,
    streamers: [...new Set(request.streamers)],
    createdAt: now,
    expiresAt: request.expiresAt,
    revokedAt: null,
  };
  if (request.label) record.label = request.label;
  if (request.rate) record.rate = request.rate;
  return { record, secret };
}

/** What lists show of a token: everything but its hash. */
export type TokenSummary = Omit<TokenRecord, 'hash'> & { state: TokenState };
export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(record: TokenRecord, now: number): TokenState {
  if (record.revokedAt !== null) return 'revoked';
  if (record.expiresAt !== null && now >= record.expiresAt) return 'expired';
  return 'active';
}

export function summarizeToken(record: TokenRecord, now: number): TokenSummary {
  const { hash: _hash, ...rest } = record;
  return { ...rest, state: tokenState(record, now) };
}

/**
 * `30d`, `12h`, `45m` or an ISO date: when a token issued now expires; `never` gives null.
 * Throws a message naming the accepted forms.
 */
export function parseExpiry(text: string, now: number = Date.now()): number | null {
  if (text === 'never') return null;
  const relative = /^(\d+)([mhd])$/.exec(text);
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 'm' | 'h' | 'd'];
    return now + Number(relative[1]) * unit;
  }
  const at = Date.parse(text);
  if (Number.isFinite(at) && /^\d{4}-\d{2}-\d{2}/.test(text)) return at;
  throw new Error(`expiry ${JSON.stringify(text)}: use 30d, 12h, 45m, an ISO date or never`);
}
