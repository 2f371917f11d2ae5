/**
 * A tiny PNG writer for tests (RGBA, 8 bits, no filter): real pictures a fake CDN can serve and
 * a browser can decode, with colours a test can look for in a screenshot.
 */
import { crc32, deflateSync } from 'node:zlib';

export type Rgba = readonly [number, number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A `width`×`height` PNG whose pixel (x, y) is `colour(x, y)`. `level` 0 stores the pixels
 * uncompressed, so the file size is predictable (cache size tests).
 */
export function pngImage(
  width: number,
  height: number,
  colour: (x: number, y: number) => Rgba,
  level = 6,
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    rows[row] = 0; // no filter
    for (let x = 0; x < width; x++) rows.set(colour(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG of one colour. */
export const solidPng = (size: number, rgba: Rgba, level = 6): Buffer =>
  pngImage(size, size, () => rgba, level);
