/**
 * The one way every client (overlay pages, the panel, the extension's page capture) opens its
 * Socket.IO connection: the namespace URL and the handshake `auth` (token, protocol version,
 * client name, stream), and how a `connect_error` reads as a refusal with its code. Pure: each
 * part passes the result to its own socket.io-client `io(url, {auth, …})`, so shared/ imports no
 * transport (docs/architecture.md, "One protocol").
 */
import type { Handshake } from './handshake';
import {
  type HandshakeRefusal,
  handshakeRefusalSchema,
  type RefusedNotice,
  refusedNoticeSchema,
} from './refusals';
import type { Namespace } from './roles';
import { PROTOCOL_VERSION } from './version';

export interface ClientConnectionOptions {
  /** The server's origin, e.g. `http://127.0.0.1:4455`. */
  origin: string;
  namespace: Namespace;
  token: string;
  /** Shown in the server's logs and /health, e.g. `overlay:alerts`. */
  client: string;
  /** The stream to act on; the token's first stream when absent. */
  streamer?: string | null;
}

export interface ClientConnection {
  /** Where `io()` connects: the origin and the namespace. */
  url: string;
  auth: Handshake;
}

export function clientConnection(options: ClientConnectionOptions): ClientConnection {
  return {
    url: `${options.origin}${options.namespace}`,
    auth: {
      token: options.token,
      protocolVersion: PROTOCOL_VERSION,
      client: options.client,
      ...(options.streamer ? { streamer: options.streamer } : {}),
    },
  };
}

/**
 * What a `connect_error` means: a refusal with its code when the server's handshake check said
 * no (Socket.IO puts the reason in `error.data`), null for a transport failure Socket.IO retries
 * by itself (server down, network lost).
 */
export function readRefusal(error: unknown): HandshakeRefusal | null {
  const data = typeof error === 'object' && error !== null && 'data' in error ? error.data : null;
  const read = handshakeRefusalSchema.safeParse(data);
  return read.success ? read.data : null;
}

/** The `refused` notice of a live connection, or null when it does not fit the protocol. */
export function readRefusedNotice(notice: unknown): RefusedNotice | null {
  const read = refusedNoticeSchema.safeParse(notice);
  return read.success ? read.data : null;
}
