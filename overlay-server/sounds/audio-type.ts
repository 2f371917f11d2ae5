/**
 * A sound's type, read from its first bytes (never from its name or the request's header): WAV
 * (a RIFF file of form `WAVE`), Ogg (an `OggS` page: Vorbis or Opus inside) or MP3 (an ID3v2 tag
 * or an MPEG audio frame's sync word). All three decode in Chromium's Web Audio and in OBS's
 * browser source.
 */
export const AUDIO_TYPES_BY_EXTENSION = {
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
} as const;
export type AudioExtension = keyof typeof AUDIO_TYPES_BY_EXTENSION;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

export function sniffAudio(bytes: Uint8Array): { extension: AudioExtension; type: string } | null {
  const found = (extension: AudioExtension) => ({
    extension,
    type: AUDIO_TYPES_BY_EXTENSION[extension],
  });
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') {
    return found('wav');
  }
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === 'OggS') return found('ogg');
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === 'ID3') return found('mp3');
  // An MPEG audio frame header: 11 sync bits, a version other than "reserved" (01), layer III.
  const [first = 0, second = 0] = bytes;
  if (bytes.length >= 4 && first === 0xff && (second & 0xe0) === 0xe0) {
    const version = (second >> 3) & 0b11;
    const layer = (second >> 1) & 0b11;
    if (version !== 0b01 && layer === 0b01) return found('mp3');
  }
  return null;
}
