import { describe, expect, it } from 'vitest';
import { sniffAudio } from './audio-type';

const bytes = (text: string, ...more: number[]) =>
  new Uint8Array([...Buffer.from(text, 'latin1'), ...more]);

describe('sniffAudio', () => {
  it('reads WAV, Ogg and MP3 (ID3 tag or bare frame) from their first bytes', () => {
    expect(sniffAudio(bytes('RIFF\x24\x00\x00\x00WAVEfmt '))?.type).toBe('audio/wav');
    expect(sniffAudio(bytes('OggS\x00\x02'))?.type).toBe('audio/ogg');
    expect(sniffAudio(bytes('ID3\x04\x00\x00\x00\x00\x00\x00'))?.extension).toBe('mp3');
    expect(sniffAudio(new Uint8Array([0xff, 0xfb, 0x90, 0x64]))?.extension).toBe('mp3');
  });

  it('refuses anything else, whatever it is named', () => {
    expect(sniffAudio(bytes('RIFF\x24\x00\x00\x00AVI LIST'))).toBeNull();
    expect(sniffAudio(bytes('\x1aE\xdf\xa3webm'))).toBeNull();
    expect(sniffAudio(bytes('<html>hello</html>'))).toBeNull();
    // An MPEG frame of layer I is not MP3.
    expect(sniffAudio(new Uint8Array([0xff, 0xff, 0x90, 0x64]))).toBeNull();
    expect(sniffAudio(new Uint8Array([]))).toBeNull();
  });
});
