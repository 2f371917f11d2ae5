/**
 * Small guards for payloads from the wire. Overlays trust the server's shapes but not blindly:
 * a stale server or a bad relay must not throw inside the render loop, so each reader returns
 * null (the update is ignored) when a field the overlay draws is missing or of the wrong type.
 */
import type { ViewerBadge } from '../../shared/protocol/channel-data';

export type UnknownRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is UnknownRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString = (value: unknown): value is string => typeof value === 'string';

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export const isNullableString = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';

/** Keeps the items the reader accepts; a non-array reads as empty. */
export function readList<T>(value: unknown, read: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const item of value) {
    const parsed = read(item);
    if (parsed !== null) out.push(parsed);
  }
  return out;
}

export function readViewer(value: unknown): ViewerBadge | null {
  if (!isRecord(value)) return null;
  const { id, handle, nickname, avatarUrl } = value;
  if (!isString(id) || !isString(handle) || !isString(nickname)) return null;
  return { id, handle, nickname, avatarUrl: isString(avatarUrl) ? avatarUrl : null };
}

/** The name to show: the nickname, else the @handle. */
export const displayName = (viewer: ViewerBadge): string =>
  viewer.nickname.trim() || `@${viewer.handle}`;
