import { describe, expect, it } from 'vitest';
import { sniffVideo } from './video-type';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );

describe('video type by content', () => {
  it('knows MP4 by its ftyp box and WebM by its EBML doc type', () => {
    expect(sniffVideo(bytes([0, 0, 0, 32], 'ftypisom', [0, 0, 2, 0]))?.type).toBe('video/mp4');
    expect(sniffVideo(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'))?.type).toBe(
      'video/webm',
    );
  });

  it('refuses QuickTime, Matroska that is not WebM, pictures and text posing as video', () => {
    expect(sniffVideo(bytes([0, 0, 0, 20], 'ftypqt  ', [0, 0, 0, 0]))).toBeNull();
    expect(
      sniffVideo(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska')),
    ).toBeNull();
    expect(sniffVideo(bytes([0x89], 'PNG\r\n\u001a\n', [0, 0, 0, 13]))).toBeNull();
    expect(sniffVideo(bytes('<html>ftyp webm</html>'))).toBeNull();
    expect(sniffVideo(new Uint8Array())).toBeNull();
  });
});
