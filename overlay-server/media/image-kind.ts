/**
 * What a picture is, by its first bytes: the served Content-Type comes from here, never from
 * the upstream's header, so a page served as `image/png` with HTML inside is refused. Only
 * formats every overlay browser decodes (OBS's Chromium included); no SVG (it can script).
 */

/** A supported picture format. */
export interface ImageKind {
  contentType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif';
  extension: 'png' | 'jpg' | 'gif' | 'webp' | 'avif';
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** Bytes enough to tell every supported format apart. */
export const SNIFF_BYTES = 16;

export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (bytes.length < 12) return null;
  if (
    bytes[0] === 0x89 &&
    ascii(bytes, 1, 4) === 'PNG' &&
    bytes[4] === 0x0d &&
    bytes[5] === 0x0a &&
    bytes[6] === 0x1a &&
    bytes[7] === 0x0a
  ) {
    return { contentType: 'image/png', extension: 'png' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { contentType: 'image/jpeg', extension: 'jpg' };
  }
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return { contentType: 'image/gif', extension: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { contentType: 'image/webp', extension: 'webp' };
  }
  const brand = ascii(bytes, 8, 12);
  if (ascii(bytes, 4, 8) === 'ftyp' && (brand === 'avif' || brand === 'avis')) {
    return { contentType: 'image/avif', extension: 'avif' };
  }
  return null;
}

/** The kind a cached file's extension names (the cache keeps the sniffed kind in the name). */
export function kindFromExtension(extension: string): ImageKind | null {
  const kinds: ImageKind[] = [
    { contentType: 'image/png', extension: 'png' },
    { contentType: 'image/jpeg', extension: 'jpg' },
    { contentType: 'image/gif', extension: 'gif' },
    { contentType: 'image/webp', extension: 'webp' },
    { contentType: 'image/avif', extension: 'avif' },
  ];
  return kinds.find((kind) => kind.extension === extension) ?? null;
}

/**
 * Whether an upstream Content-Type may be a picture: absent, `image/*` except SVG, or a generic
 * binary type some CDNs send; the bytes decide in the end.
 */
export function typeHeaderAllowed(header: string | undefined): boolean {
  if (!header) return true;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/octet-stream' || type === 'binary/octet-stream') return true;
  return type.startsWith('image/') && !type.startsWith('image/svg');
}
