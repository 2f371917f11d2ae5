/** Each socket draws on its token's budget for its namespace (pipeline/rate-limit.ts). */
import type { Namespace } from '../../shared/protocol/roles';
import type { SessionSocket } from '../auth/handshake';
import type { TokenRegistry } from '../auth/token-registry';
import type { TokenBucket, TokenBudgets } from '../pipeline/rate-limit';
import type { WatchDeps } from './watchers';

export interface BudgetDeps {
  budgets: TokenBudgets;
  tokens: TokenRegistry;
}

/** What `/overlay` and `/control` are served with. */
export type WatcherDeps = WatchDeps & BudgetDeps;

export function bucketOf(
  socket: SessionSocket,
  namespace: Namespace,
  deps: BudgetDeps,
): TokenBucket {
  const { tokenId } = socket.data;
  return deps.budgets.bucket(tokenId, namespace, deps.tokens.byId(tokenId)?.rate);
}
