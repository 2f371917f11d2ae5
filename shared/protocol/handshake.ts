import { z } from 'zod';

/** What every client puts in Socket.IO's `auth` on connect. */
export const handshakeSchema = z.object({
  token: z.string().min(1).max(256),
  protocolVersion: z.number().int(),
  /** Free text for logs and the health page, e.g. `overlay:alerts` or `extension:sidepanel`. */
  client: z.string().max(64).optional(),
  /** The stream to act on (see streamers.ts); the token's first stream when absent. */
  streamer: z.string().max(40).optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;
