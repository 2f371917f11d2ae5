/**
 * Commands for the server's link to OBS (obs-websocket 5). They are the server's own, not a
 * stream's: they never reach a room or the journal, because `obs.configure` carries the OBS
 * password, which is stored in the owner's config folder and never logged, journaled or sent.
 */
import { z } from 'zod';

/** `ws://host:port` or `wss://…`, as OBS shows it under Tools → WebSocket Server Settings. */
export const obsAddressSchema = z
  .string()
  .trim()
  .max(256)
  .pipe(
    z.url({
      protocol: /^wss?$/,
      error: 'an OBS address is ws://host:port, e.g. ws://127.0.0.1:4455',
    }),
  );

export const obsCommandSchemas = [
  /**
   * The owner's OBS settings. `password`: a string sets it, null removes it, absent keeps the
   * one stored (the panel never sees it, so it cannot send it back).
   */
  z.object({
    type: z.literal('obs.configure'),
    enabled: z.boolean(),
    address: obsAddressSchema,
    password: z.string().max(256).nullable().optional(),
  }),
  /** Try to connect now (after OBS was started, or the password fixed). */
  z.object({ type: z.literal('obs.reconnect') }),
] as const;

export const obsCommandSchema = z.discriminatedUnion('type', obsCommandSchemas);
export type ObsCommand = z.output<typeof obsCommandSchema>;
export type ObsCommandInput = z.input<typeof obsCommandSchema>;

export const OBS_COMMAND_TYPES: readonly string[] = obsCommandSchemas.map(
  (s) => s.shape.type.value,
);

export const isObsCommandType = (type: unknown): boolean =>
  typeof type === 'string' && OBS_COMMAND_TYPES.includes(type);
