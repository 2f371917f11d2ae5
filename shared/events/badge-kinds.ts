/**
 * Badge kinds Limelight draws before a viewer's name (from `roles`). Apart from the user schema
 * so the overlays can read them without bundling zod.
 */
export const BADGE_KINDS = ['moderator', 'subscriber', 'topGifter', 'gifterLevel'] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];
