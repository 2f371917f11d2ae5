import type { Role } from '../../shared/protocol/roles';
import { newTokenSecret } from './token-records';

/**
 * One secret per role for the default stream, kept in `config.json`: whoever holds one acts
 * with that role. Further tokens are issued as records (token-records.ts).
 */
export type RoleTokens = Record<Role, string>;

export function newRoleTokens(): RoleTokens {
  return {
    owner: newTokenSecret(),
    moderator: newTokenSecret(),
    overlay: newTokenSecret(),
    ingest: newTokenSecret(),
  };
}
