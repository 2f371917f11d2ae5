/**
 * The closed word lists of action rules, apart from the rule schema (full zod) so the wire
 * schemas (zod/mini, wire/actions.ts) share them without bundling it into overlay pages.
 */

/** Who may use a chat command, from the roles TikTok gives the viewer. */
export const COMMAND_AUDIENCES = ['everyone', 'followers', 'subscribers', 'moderators'] as const;
export type CommandAudience = (typeof COMMAND_AUDIENCES)[number];

/** Where an action plays; each output runs at most N actions at a time (settings). */
export const ACTION_OUTPUTS = ['overlay', 'timer', 'obs', 'alerts'] as const;
export type ActionOutput = (typeof ACTION_OUTPUTS)[number];

/** A battle's result for the streamer's side. */
export const BATTLE_RESULTS = ['win', 'lose', 'draw'] as const;

/** The look an alert action takes on the alerts overlay. */
export const ALERT_VARIANTS = ['gift', 'follow', 'share', 'subscribe'] as const;
