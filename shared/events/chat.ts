import { z } from 'zod';
import { eventBase, viewerText } from './base';
import { userSchema } from './user';

/**
 * One emote in a chat line. TikTok gives its place as an insertion index into the text
 * (`placeInComment` in 2.0–2.2, `index` in 2.3+): the picture goes between `text[at - 1]` and
 * `text[at]`; the text holds no placeholder for it. Null when a source does not know the place
 * (the emote is shown after the text).
 */
export const chatEmoteSchema = z.object({
  id: z.string().max(64),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2048),
  at: z.number().int().min(0).max(500).nullable().default(null),
});
export type ChatEmote = z.output<typeof chatEmoteSchema>;

/** An emote sent on its own (subscriber / Super Fan stickers): a picture, no place in a text. */
export const emoteSchema = z.object({
  id: z.string().min(1).max(64),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2048),
});
export type Emote = z.output<typeof emoteSchema>;

/** A chat message. `text` is the viewer's words: render as text, never as HTML. */
export const chatEventSchema = z.object({
  ...eventBase,
  kind: z.literal('chat'),
  user: userSchema,
  text: viewerText(500),
  /** Emote images TikTok placed inline, in order. */
  emotes: z.array(chatEmoteSchema).max(50).default([]),
});
export type ChatEvent = z.output<typeof chatEventSchema>;

/**
 * An emote sent on its own in chat (`emote`, TikTok's EmoteChatMessage): a chat line made of
 * stickers only, with no text.
 */
export const emoteEventSchema = z.object({
  ...eventBase,
  kind: z.literal('emote'),
  user: userSchema,
  emotes: z.array(emoteSchema).min(1).max(10),
});
export type EmoteEvent = z.output<typeof emoteEventSchema>;

/** A question from TikTok's LIVE Q&A feature (`questionNew`). Chat questions are found by Q&A. */
export const questionEventSchema = z.object({
  ...eventBase,
  kind: z.literal('question'),
  user: userSchema,
  text: viewerText(500),
  /** TikTok's own question id, when the payload has one. */
  questionId: z.string().max(64).nullable().default(null),
});
export type QuestionEvent = z.output<typeof questionEventSchema>;

/**
 * TikTok removed chat messages (`imDelete`): by message id (a chat event's `id` is TikTok's
 * message id), and/or every message of the named users. Never empty.
 */
export const chatRemovalEventSchema = z
  .object({
    ...eventBase,
    kind: z.literal('imDelete'),
    messageIds: z.array(z.string().min(1).max(64)).max(500).default([]),
    userIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  })
  .refine((event) => event.messageIds.length + event.userIds.length > 0, {
    message: 'names no message and no user',
    path: ['messageIds'],
  });
export type ChatRemovalEvent = z.output<typeof chatRemovalEventSchema>;
