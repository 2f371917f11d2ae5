import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '../../shared/protocol/roles';

/** One secret per role; whoever holds it acts with that role. */
export type RoleTokens = Record<Role, string>;

/** 32 random bytes, URL-safe, so tokens can sit in an OBS browser-source URL as `?token=`. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newRoleTokens(): RoleTokens {
  return { owner: newToken(), moderator: newToken(), overlay: newToken(), ingest: newToken() };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The role a presented token grants, or null. Compared in constant time per role. */
export function roleForToken(tokens: RoleTokens, presented: unknown): Role | null {
  if (typeof presented !== 'string' || presented.length === 0) return null;
  let found: Role | null = null;
  for (const role of ROLES) {
    if (sameSecret(tokens[role], presented)) found = role;
  }
  return found;
}
