import { z } from 'zod';
import { BADGE_KINDS } from './badge-kinds';
import { viewerText } from './base';

export { BADGE_KINDS, type BadgeKind } from './badge-kinds';

/** Roles TikTok shows beside a viewer's name. */
export const userRolesSchema = z.object({
  moderator: z.boolean().default(false),
  subscriber: z.boolean().default(false),
  follower: z.boolean().default(false),
  /** 1-based rank among the room's top gifters, null when not ranked. */
  topGifterRank: z.number().int().positive().nullable().default(null),
  /** TikTok's gifter level badge, null when unknown. */
  gifterLevel: z.number().int().nonnegative().nullable().default(null),
});

/** TikTok's own picture for one of the viewer's badges, when the payload carried one. */
export const badgePictureSchema = z.object({
  kind: z.enum(BADGE_KINDS),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2048),
});
export type BadgePicture = z.output<typeof badgePictureSchema>;

/** A TikTok viewer as every part of Limelight sees them. Names are hostile text: render as text. */
export const userSchema = z.object({
  /** TikTok's numeric user id as a string (it exceeds 2^53). */
  id: z.string().min(1).max(64),
  /** The @handle without the @ (`uniqueId` / `displayId`). */
  handle: viewerText(64),
  nickname: viewerText(128),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .default(null),
  roles: userRolesSchema.default({
    moderator: false,
    subscriber: false,
    follower: false,
    topGifterRank: null,
    gifterLevel: null,
  }),
  /** Pictures TikTok gave for badges in `roles`; a badge without one is drawn by Limelight. */
  badgePictures: z.array(badgePictureSchema).max(BADGE_KINDS.length).default([]),
});

export type User = z.output<typeof userSchema>;
export type UserInput = z.input<typeof userSchema>;
export type UserRoles = z.output<typeof userRolesSchema>;
