/**
 * Pictures on disk under `<config folder>/media-cache/`, keyed by their source URL, within a
 * size cap: the least recently used go first. A file's name holds everything the cache needs
 * (`<url hash>.<content hash>.<extension>`) and its modification time is its last use, so the
 * cache and its order survive a restart without an index to keep in step. Concurrent requests
 * for a picture not yet cached share one fetch; a failed fetch is remembered for a short while
 * so a storm of alerts with one broken picture does not hammer its server.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { rename, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchedImage } from './fetch-image';
import { type ImageKind, kindFromExtension } from './image-kind';
import { asRefusal, type MediaRefusal } from './media-refusal';

/** One cached picture. */
export interface CachedImage {
  path: string;
  kind: ImageKind;
  size: number;
  /** Strong validator: the content's hash. */
  etag: string;
}

export interface ImageCacheOptions {
  dir: string;
  maxBytes: number;
  fetch: (src: string) => Promise<FetchedImage>;
  /** How long a failed fetch answers from memory, ms. */
  failureMemoryMs?: number;
  /** At most this many fetches run at once; others wait their turn. */
  maxConcurrentFetches?: number;
  now?: () => number;
}

export interface ImageCache {
  /** The cached picture for `src`, fetched first when needed. Rejects with a `MediaRefusal`. */
  get(src: string): Promise<CachedImage>;
  /** Drops a picture whose file went missing (the next `get` fetches it again). */
  forget(src: string): void;
  /** Pictures and bytes held now. */
  usage(): { entries: number; bytes: number };
}

const FILE_NAME = /^([0-9a-f]{40})\.([0-9a-f]{16})\.([a-z]+)$/;

export const cacheKey = (src: string) =>
  createHash('sha256').update(src).digest('hex').slice(0, 40);

export function createImageCache(options: ImageCacheOptions): ImageCache {
  const now = options.now ?? Date.now;
  const failureMemoryMs = options.failureMemoryMs ?? 30_000;
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  // Map order is the use order: oldest first.
  const loaded = loadEntries(options.dir);
  const entries = loaded.entries;
  let bytes = [...entries.values()].reduce((sum, entry) => sum + entry.size, 0);
  const inFlight = new Map<string, Promise<CachedImage>>();
  const failures = new Map<string, { refusal: MediaRefusal; until: number }>();
  const slots = createFetchSlots(options.maxConcurrentFetches ?? 6);
  // A cache past a cap lowered since is shrunk as it opens, like the leftovers of a crash.
  for (const entry of overCap()) rmSync(entry.path, { force: true });

  // Use times written to the files strictly increase, so two uses in one millisecond (or a
  // clock step back) cannot swap their order after a restart.
  let lastUse = loaded.lastUse;
  const stamp = (path: string) => {
    lastUse = Math.max(now(), lastUse + 1);
    const seconds = lastUse / 1000;
    return utimes(path, seconds, seconds);
  };

  /** Marks a use; resolves once the file says so too (a restart right after keeps the order). */
  async function touch(key: string, entry: CachedImage): Promise<CachedImage> {
    entries.delete(key);
    entries.set(key, entry);
    // If the file vanished, the route asks again and the picture is fetched anew.
    await stamp(entry.path).catch(() => {});
    return entry;
  }

  /** Drops the least recently used past the cap; resolves once their files are gone too. */
  function evict(): Promise<unknown> {
    return Promise.all(overCap().map((entry) => unlink(entry.path).catch(() => {})));
  }

  /** Takes the least recently used entries past the cap out of memory; their files are left. */
  function overCap(): CachedImage[] {
    const dropped: CachedImage[] = [];
    for (const [key, entry] of entries) {
      if (bytes <= options.maxBytes || entries.size <= 1) break;
      entries.delete(key);
      bytes -= entry.size;
      dropped.push(entry);
    }
    return dropped;
  }

  async function store(key: string, image: FetchedImage): Promise<CachedImage> {
    const hash = createHash('sha256').update(image.bytes).digest('hex').slice(0, 16);
    const path = join(options.dir, `${key}.${hash}.${image.kind.extension}`);
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, image.bytes, { mode: 0o600 });
    await stamp(temp);
    await rename(temp, path);
    const old = entries.get(key);
    if (old) {
      entries.delete(key);
      bytes -= old.size;
      if (old.path !== path) unlink(old.path).catch(() => {});
    }
    const entry: CachedImage = {
      path,
      kind: image.kind,
      size: image.bytes.length,
      etag: `"${hash}"`,
    };
    entries.set(key, entry);
    bytes += entry.size;
    // The evicted files are gone before the picture is served: a restart (or a look at the
    // directory) right after sees the cache as it is in memory.
    await evict();
    return entry;
  }

  async function fetchAndStore(key: string, src: string): Promise<CachedImage> {
    try {
      const image = await slots.run(() => options.fetch(src));
      return await store(key, image);
    } catch (error) {
      const refusal = asRefusal(error);
      failures.set(key, { refusal, until: now() + failureMemoryMs });
      throw refusal;
    }
  }

  return {
    get(src) {
      const key = cacheKey(src);
      const known = entries.get(key);
      if (known) return touch(key, known);
      const failed = failures.get(key);
      if (failed && failed.until > now()) return Promise.reject(failed.refusal);
      failures.delete(key);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = fetchAndStore(key, src).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    forget(src) {
      const key = cacheKey(src);
      const entry = entries.get(key);
      if (!entry) return;
      entries.delete(key);
      bytes -= entry.size;
    },
    usage: () => ({ entries: entries.size, bytes }),
  };
}

/** Cached pictures found on disk, least recently used first; leftovers of a crash removed. */
function loadEntries(dir: string): { entries: Map<string, CachedImage>; lastUse: number } {
  const found: Array<[string, CachedImage, number]> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const match = FILE_NAME.exec(name);
    const kind = match?.[3] ? kindFromExtension(match[3]) : null;
    if (!match?.[1] || !match[2] || !kind) {
      // A temp file from an interrupted write, or something that is not ours to serve.
      if (name.endsWith('.tmp')) unlinkSync(path);
      continue;
    }
    const stat = statSync(path);
    found.push([match[1], { path, kind, size: stat.size, etag: `"${match[2]}"` }, stat.mtimeMs]);
  }
  found.sort((a, b) => a[2] - b[2]);
  const entries = new Map<string, CachedImage>();
  for (const [key, entry] of found) {
    // Two files for one URL (a crash between a refetch and its cleanup): the newer one stays.
    const older = entries.get(key);
    if (older) unlinkSync(older.path);
    entries.delete(key);
    entries.set(key, entry);
  }
  return { entries, lastUse: found.at(-1)?.[2] ?? 0 };
}

/** A small counting semaphore: a storm of new avatars fetches a few at a time. */
function createFetchSlots(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= limit) await new Promise<void>((go) => waiting.push(go));
      running++;
      try {
        return await work();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
  };
}
