/**
 * Wire schemas of the viewer shapes every channel draws. Channel schemas use zod/mini, zod 4's
 * tree-shakable form, so an overlay page parses its channels without bundling the full zod
 * (docs/architecture.md, "One protocol"). They check shapes, not the limits the server applied
 * when it took the event in.
 */
import { z } from 'zod/mini';
import { BADGE_KINDS } from '../../events/badge-kinds';

export const viewerBadgeSchema = z.object({
  id: z.string(),
  handle: z.string(),
  nickname: z.string(),
  avatarUrl: z.nullable(z.string()),
});

export const badgePictureSchema = z.object({
  kind: z.enum(BADGE_KINDS),
  imageUrl: z.string(),
});

export const chatBadgesShape = {
  moderator: z.boolean(),
  subscriber: z.boolean(),
  topGifterRank: z.optional(z.nullable(z.number())),
  gifterLevel: z.optional(z.nullable(z.number())),
  badgePictures: z.optional(z.array(badgePictureSchema)),
};

export const chatEmoteSchema = z.object({
  id: z.string(),
  imageUrl: z.string(),
  at: z.nullable(z.number()),
});
