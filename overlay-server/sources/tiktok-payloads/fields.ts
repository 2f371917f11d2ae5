/**
 * Readers for `tiktok-live-connector` payloads. Payloads come from protobuf through JSON: numbers
 * may arrive as strings (64-bit longs), objects may be missing. Each reader names the field it
 * failed on, so a malformed payload gives an error like `gift.user.id: missing`.
 */
import type { ErrorCode } from '../../../shared/protocol/ack';

/** A payload that cannot be mapped. `field` is the dotted path inside the connector payload. */
export class PayloadError extends Error {
  readonly code: ErrorCode = 'BAD_PAYLOAD';
  constructor(
    readonly eventName: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${eventName}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'PayloadError';
  }
}

export type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a reader is: the event name (for the error) and the path so far. */
export interface FieldPath {
  eventName: string;
  path: string;
}

export const at = (where: FieldPath, key: string): FieldPath => ({
  eventName: where.eventName,
  path: where.path ? `${where.path}.${key}` : key,
});

export const fail = (where: FieldPath, problem: string): never => {
  throw new PayloadError(where.eventName, where.path, problem);
};

/** The object at `key`, or undefined when absent/null. Anything else is an error. */
export function optionalObject(parent: Obj, key: string, where: FieldPath): Obj | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) return fail(at(where, key), `expected an object, got ${typeOf(value)}`);
  return value;
}

export function requireObject(parent: Obj, key: string, where: FieldPath): Obj {
  return optionalObject(parent, key, where) ?? fail(at(where, key), 'missing');
}

/** A string; numbers are accepted and stringified. Empty strings count as absent. */
export function optionalString(parent: Obj, key: string, where: FieldPath): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fail(at(where, key), `expected a string, got ${typeOf(value)}`);
}

/**
 * An id (user id, message id). TikTok ids are 64-bit and exceed 2^53, so they must be strings;
 * a number is only accepted while it is a safe integer (otherwise precision was already lost).
 */
export function optionalId(parent: Obj, key: string, where: FieldPath): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null || value === '' || value === '0' || value === 0) {
    return undefined;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return String(value);
    return fail(at(where, key), 'a numeric id beyond 2^53 lost its precision; ids must be strings');
  }
  return fail(at(where, key), `expected an id string, got ${typeOf(value)}`);
}

/** A non-negative integer; numeric strings (protobuf longs) are accepted. */
export function optionalCount(parent: Obj, key: string, where: FieldPath): number | undefined {
  const value = parent[key];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
  return fail(at(where, key), `expected a non-negative integer, got ${preview(value)}`);
}

export function requireCount(parent: Obj, key: string, where: FieldPath): number {
  return optionalCount(parent, key, where) ?? fail(at(where, key), 'missing');
}

/** 0/1 or a boolean (protobuf enums and flags arrive as either). */
export function optionalFlag(parent: Obj, key: string, where: FieldPath): boolean | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1 || value === '0' || value === '1') return Number(value) === 1;
  return fail(at(where, key), `expected 0, 1 or a boolean, got ${preview(value)}`);
}

/** First http(s) URL of an image (`url` in 2.0–2.2, `urlList` in 2.3+), else null. */
export function firstImageUrl(image: unknown): string | null {
  if (!isObject(image)) return null;
  const list = Array.isArray(image.urlList) ? image.urlList : image.url;
  if (!Array.isArray(list)) return null;
  const url = list.find((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u));
  return url && url.length <= 2048 ? url : null;
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
}

function preview(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? JSON.stringify(value).slice(0, 40)
    : typeOf(value);
}

/** `text` cut to at most `max` UTF-16 units, never through a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
