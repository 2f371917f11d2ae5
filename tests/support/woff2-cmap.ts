/**
 * The code points a WOFF2 font maps (its `cmap` table), read with Node's own Brotli: enough of
 * the WOFF2 format (W3C recommendation, section 5) to find the untransformed `cmap` table in the
 * decompressed stream, then its format 4 and 12 subtables. Tests use it to check that the
 * unicode-range an overlay declares for a bundled font matches what the font draws.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

/** Table tags a WOFF2 directory names by index (spec table "Known Table Tags"): we need 3. */
const CMAP_INDEX = 0;
const HMTX_INDEX = 3;
const GLYF_INDEX = 10;
const LOCA_INDEX = 11;
const ARBITRARY_TAG = 63;

function readBase128(view: DataView, at: { offset: number }): number {
  let value = 0;
  for (let i = 0; i < 5; i += 1) {
    const byte = view.getUint8(at.offset++);
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return value;
  }
  throw new Error('bad UIntBase128');
}

/** Every code point the font's cmap maps to a glyph other than .notdef. */
export function woff2CodePoints(path: string): Set<number> {
  const file = readFileSync(path);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error(`${path} is not WOFF2`);
  const numTables = view.getUint16(12);
  const compressedSize = view.getUint32(20);
  const at = { offset: 48 };
  let streamOffset = 0;
  let cmap: { offset: number; length: number } | null = null;
  for (let i = 0; i < numTables; i += 1) {
    const flags = view.getUint8(at.offset++);
    const index = flags & 0x3f;
    const transform = flags >> 6;
    if (index === ARBITRARY_TAG) at.offset += 4;
    const origLength = readBase128(view, at);
    // glyf and loca are transformed unless version 3; hmtx only with version 1; others never.
    const transformed =
      index === GLYF_INDEX || index === LOCA_INDEX ? transform !== 3 : transform !== 0;
    const length =
      transformed || (index === HMTX_INDEX && transform === 1) ? readBase128(view, at) : origLength;
    if (index === CMAP_INDEX) cmap = { offset: streamOffset, length };
    streamOffset += length;
  }
  if (!cmap) throw new Error(`${path} has no cmap`);
  const stream = brotliDecompressSync(file.subarray(at.offset, at.offset + compressedSize));
  return cmapCodePoints(new DataView(stream.buffer, stream.byteOffset + cmap.offset, cmap.length));
}

function cmapCodePoints(cmap: DataView): Set<number> {
  const points = new Set<number>();
  const count = cmap.getUint16(2);
  for (let i = 0; i < count; i += 1) {
    const offset = cmap.getUint32(4 + i * 8 + 4);
    const format = cmap.getUint16(offset);
    if (format === 12) {
      const groups = cmap.getUint32(offset + 12);
      for (let g = 0; g < groups; g += 1) {
        const base = offset + 16 + g * 12;
        const start = cmap.getUint32(base);
        const end = cmap.getUint32(base + 4);
        const glyph = cmap.getUint32(base + 8);
        for (let c = start; c <= end; c += 1) if (glyph + (c - start) !== 0) points.add(c);
      }
    } else if (format === 4) {
      const segments = cmap.getUint16(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s += 1) {
        const start = cmap.getUint16(starts + s * 2);
        const end = cmap.getUint16(ends + s * 2);
        const delta = cmap.getInt16(deltas + s * 2);
        const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c += 1) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
            const raw = cmap.getUint16(at);
            glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
          }
          if (glyph !== 0) points.add(c);
        }
      }
    }
  }
  return points;
}
