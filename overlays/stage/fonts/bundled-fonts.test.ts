/**
 * The fonts report counts a load as pending from the call on: a CJK name first waits for the
 * CJK face lists, and a test that saw `pending: 0` then would take its picture with the name
 * drawn in no font of ours.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('./cjk-fonts', () => ({ CJK_LOADED: true }));

/** The FontFace of a page, reduced to what BundledFonts reads; `load` resolves on `finish`. */
class FakeFace {
  status: FontFaceLoadStatus = 'unloaded';
  static finish: () => void = () => {};
  constructor(
    readonly family: string,
    readonly source: string,
    readonly descriptors: FontFaceDescriptors = {},
  ) {}
  get unicodeRange(): string {
    return this.descriptors.unicodeRange ?? 'U+0-10FFFF';
  }
  load(): Promise<FakeFace> {
    return new Promise((done) => {
      FakeFace.finish = () => {
        this.status = 'loaded';
        done(this);
      };
    });
  }
}

function fakeSet(): FontFaceSet {
  const faces: FakeFace[] = [];
  return {
    add: (face: FakeFace) => faces.push(face),
    forEach: (visit: (face: FakeFace) => void) => faces.forEach(visit),
  } as unknown as FontFaceSet;
}

describe('BundledFonts report', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts a CJK load as pending while the CJK face lists are still being fetched', async () => {
    vi.stubGlobal('FontFace', FakeFace);
    const { BundledFonts } = await import('./bundled-fonts');
    const set = fakeSet();
    const fonts = new BundledFonts(set);
    set.add(new FakeFace('Noto Sans JP Variable', 'jp.woff2', { unicodeRange: 'U+5065' }) as never);

    const loading = fonts.load('健');
    expect(fonts.report().pending).toBe(1);
    // The face lists are in (a macrotask later); the face itself is loading.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fonts.report().pending).toBe(1);
    FakeFace.finish();
    await expect(loading).resolves.toBe(true);
    expect(fonts.report()).toMatchObject({ pending: 0, failed: 0 });
  });
});
