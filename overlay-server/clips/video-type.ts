/**
 * A video clip's type, read from its first bytes (never from its name or the request's header):
 * MP4 (an ISO base media `ftyp` box, QuickTime's own brand excepted) or WebM (an EBML header whose
 * doc type is `webm`). Both play in Chromium and in OBS's browser source.
 */
export const VIDEO_TYPES_BY_EXTENSION = { mp4: 'video/mp4', webm: 'video/webm' } as const;
export type VideoExtension = keyof typeof VIDEO_TYPES_BY_EXTENSION;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

export function sniffVideo(bytes: Uint8Array): { extension: VideoExtension; type: string } | null {
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && ascii(bytes, 8, 12) !== 'qt  ') {
    return { extension: 'mp4', type: VIDEO_TYPES_BY_EXTENSION.mp4 };
  }
  const ebml = bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
  if (ebml && ascii(bytes, 4, Math.min(bytes.length, 64)).includes('webm')) {
    return { extension: 'webm', type: VIDEO_TYPES_BY_EXTENSION.webm };
  }
  return null;
}
