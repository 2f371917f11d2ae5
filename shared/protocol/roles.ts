/** What a token may do. Tokens are created on first start and kept in the user's config file. */
export const ROLES = ['owner', 'moderator', 'overlay', 'ingest'] as const;
export type Role = (typeof ROLES)[number];

export const NAMESPACES = ['/ingest', '/control', '/overlay'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Which roles each namespace admits. The owner may do everything. */
export const NAMESPACE_ROLES: Record<Namespace, readonly Role[]> = {
  '/ingest': ['ingest', 'owner'],
  '/control': ['owner', 'moderator'],
  '/overlay': ['overlay', 'owner', 'moderator'],
};

export const roleMayUse = (role: Role, namespace: Namespace): boolean =>
  NAMESPACE_ROLES[namespace].includes(role);
