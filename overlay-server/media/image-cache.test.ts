import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchedImage } from './fetch-image';
import { createImageCache } from './image-cache';
import { sniffImage } from './image-kind';
import { MediaRefusal } from './media-refusal';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'limelight-media-'));
  dirs.push(dir);
  return dir;
};

/** A 1,000-byte "PNG" whose body names its source. */
function picture(src: string): FetchedImage {
  const bytes = Buffer.alloc(1000, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  bytes.write(src, 16, 'latin1');
  const kind = sniffImage(bytes);
  if (!kind) throw new Error('not a picture');
  return { bytes, kind };
}

/** A fetch that counts calls per source and can be held open. */
function countingFetch() {
  const calls = new Map<string, number>();
  let gate: Promise<void> | null = null;
  return {
    calls: (src: string) => calls.get(src) ?? 0,
    hold() {
      let release = () => {};
      gate = new Promise((done) => {
        release = done;
      });
      return () => {
        gate = null;
        release();
      };
    },
    async fetch(src: string) {
      calls.set(src, (calls.get(src) ?? 0) + 1);
      if (gate) await gate;
      if (src.includes('broken')) throw new MediaRefusal('UPSTREAM_FAILED', 'answered 500');
      return picture(src);
    },
  };
}

describe('image cache', () => {
  it('fetches a picture once however many ask for it at the same time', async () => {
    const upstream = countingFetch();
    const cache = createImageCache({ dir: tempDir(), maxBytes: 10_000, fetch: upstream.fetch });
    const release = upstream.hold();
    const asks = Array.from({ length: 5 }, () => cache.get('https://cdn/a.png'));
    release();
    const images = await Promise.all(asks);
    expect(upstream.calls('https://cdn/a.png')).toBe(1);
    expect(new Set(images.map((image) => image.path)).size).toBe(1);
    await cache.get('https://cdn/a.png');
    expect(upstream.calls('https://cdn/a.png')).toBe(1);
  });

  it('evicts the least recently used picture past its size cap, and keeps that order across a restart', async () => {
    const dir = tempDir();
    const upstream = countingFetch();
    const open = () => createImageCache({ dir, maxBytes: 3_000, fetch: upstream.fetch });
    const cache = open();
    for (const name of ['a', 'b', 'c']) await cache.get(`https://cdn/${name}.png`);
    await cache.get('https://cdn/a.png'); // a is now the most recent; b the least
    await cache.get('https://cdn/d.png');
    expect(cache.usage()).toEqual({ entries: 3, bytes: 3_000 });
    expect(readdirSync(dir)).toHaveLength(3);
    await cache.get('https://cdn/a.png');
    expect(upstream.calls('https://cdn/a.png')).toBe(1);
    await cache.get('https://cdn/b.png');
    expect(upstream.calls('https://cdn/b.png')).toBe(2); // evicted, fetched again; c goes

    // A new process: the same pictures, the same order (c was evicted; d is now the oldest).
    const again = open();
    expect(again.usage()).toEqual({ entries: 3, bytes: 3_000 });
    await again.get('https://cdn/e.png');
    for (const name of ['a', 'b']) await again.get(`https://cdn/${name}.png`);
    expect(upstream.calls('https://cdn/a.png')).toBe(1);
    expect(upstream.calls('https://cdn/b.png')).toBe(2);
    await again.get('https://cdn/d.png');
    expect(upstream.calls('https://cdn/d.png')).toBe(2);
  });

  it('shrinks a cache that grew past a smaller cap, and drops leftovers of a crash', async () => {
    const dir = tempDir();
    const upstream = countingFetch();
    const big = createImageCache({ dir, maxBytes: 5_000, fetch: upstream.fetch });
    for (const name of ['a', 'b', 'c', 'd']) await big.get(`https://cdn/${name}.png`);
    writeFileSync(join(dir, 'half-written.png.123.tmp'), 'x');
    const small = createImageCache({ dir, maxBytes: 2_000, fetch: upstream.fetch });
    expect(small.usage()).toEqual({ entries: 2, bytes: 2_000 });
    expect(readdirSync(dir).sort()).toHaveLength(2);
    await small.get('https://cdn/d.png');
    expect(upstream.calls('https://cdn/d.png')).toBe(1);
  });

  it('remembers a failed fetch for a while, then tries again', async () => {
    let clock = 1_000;
    const upstream = countingFetch();
    const cache = createImageCache({
      dir: tempDir(),
      maxBytes: 10_000,
      fetch: upstream.fetch,
      failureMemoryMs: 30_000,
      now: () => clock,
    });
    const src = 'https://cdn/broken.png';
    await expect(cache.get(src)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    await expect(cache.get(src)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    expect(upstream.calls(src)).toBe(1);
    clock += 30_001;
    await expect(cache.get(src)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    expect(upstream.calls(src)).toBe(2);
  });
});
