/**
 * What each token's role may do, in the words every place shows them: the `npm start` banner,
 * the README (a test checks it quotes these) and the side panel under the role badge. The rules
 * themselves live with what enforces them (roles.ts for namespaces, the room for commands, the
 * HTTP routes for reports); these sentences describe them, so change both together.
 */
import type { Role } from './roles';

export const ROLE_ABILITIES: Record<Role, string> = {
  owner: 'everything: polls, Q&A, alerts, moderation, sponsor segments, money settings and reports',
  moderator:
    'polls, Q&A, alerts, moderation, running sponsor segments and reports; no money settings; earnings only if the owner allows',
  overlay: 'read-only: the overlay pages in OBS',
  ingest: 'sends events in: the extension page capture and other sources',
};

/** The roles whose token opens the report API (`/api/streams…`). */
export const REPORT_ROLES: readonly Role[] = ['owner', 'moderator'];

/** "owner or moderator token": who may read reports, said the same way everywhere. */
export const REPORT_TOKEN_WORDS = `${REPORT_ROLES.join(' or ')} token`;
