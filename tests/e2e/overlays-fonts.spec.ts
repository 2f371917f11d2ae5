/**
 * Names in any script and emoji are drawn with the fonts the overlays bring, so they look the
 * same on every machine. The proof: the chat overlay is opened twice, once in the usual
 * Chromium and once in a Chromium that sees a single system font (fontconfig limited to the
 * machine's default sans-serif file: no Japanese, no Chinese, no emoji font), and the names with
 * a flag, Japanese and simplified Chinese are drawn pixel for pixel alike, and not empty.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs, no type declarations
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { script, viewer } from '../integration/support/events';
import { expect, openOverlay, readScene, test, waitForStill } from './support/overlay-relay';

const NAMES = ['Kenji 健二 けんじ 🇯🇵', 'Leo 李小龙'];

/**
 * A fontconfig that knows one font file, the machine's sans-serif (DejaVu here), and keeps the
 * machine's rendering rules (hinting, antialiasing: they apply to web fonts too), so the only
 * difference from the usual browser is the fonts it has.
 */
function oneFontConfig(dir: string): string {
  const file = execFileSync('fc-match', ['-f', '%{file}', 'sans-serif:lang=en']).toString();
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts);
  symlinkSync(file, join(fonts, basename(file)));
  const rules = existsSync('/etc/fonts/conf.d')
    ? '<include ignore_missing="yes">/etc/fonts/conf.d</include>'
    : '';
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>${rules}<dir>${fonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  return conf;
}

/** Once the page's bundled fonts are in and it rests: each name's pixels, as PNG. */
async function drawnNames(page: Page): Promise<Buffer[]> {
  await expect
    .poll(async () => {
      const { fonts } = (await readScene(page)).state;
      return { ...fonts, loaded: Object.keys(fonts.loaded).sort() };
    })
    .toMatchObject({
      pending: 0,
      failed: 0,
      loaded: [
        'Inter Variable',
        'Limelight Emoji',
        'Noto Sans JP Variable',
        'Noto Sans SC Variable',
      ],
    });
  await waitForStill(page);
  const boxes = await page.evaluate(() => window.__limelight?.textBounds() ?? []);
  return Promise.all(
    NAMES.map((name) => {
      const box = boxes.find((text) => text.text === name);
      if (!box) throw new Error(`${name} is not on screen`);
      return page.screenshot({
        omitBackground: true,
        clip: { x: box.x, y: box.y, width: Math.ceil(box.width), height: Math.ceil(box.height) },
      });
    }),
  );
}

/** Pixels that are not fully transparent, counted by the browser's own PNG decoder. */
function inkOf(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data: pixels } = context.getImageData(0, 0, image.width, image.height);
    let ink = 0;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) ink += 1;
    return ink;
  }, png.toString('base64'));
}

test.use({ viewport: { width: 1920, height: 1080 } });

test('a flag, Japanese and Chinese names draw the same with or without the machine’s fonts', async ({
  page,
  relay,
}) => {
  const s = script(Date.now());
  await relay.send([
    s.chat(viewer('kenji', { nickname: NAMES[0] }), 'hello'),
    s.chat(viewer('leo', { nickname: NAMES[1] }), 'hi'),
  ]);
  const url = relay.overlayUrl('chat', { lines: '2' });
  await openOverlay(page, url);
  const usual = await drawnNames(page);

  const dir = mkdtempSync(join(tmpdir(), 'limelight-one-font-'));
  let bare: Browser | null = null;
  try {
    bare = await chromium.launch({
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      env: { ...process.env, FONTCONFIG_FILE: oneFontConfig(dir) },
    });
    const barePage = await bare.newPage({ viewport: { width: 1920, height: 1080 } });
    // The control: this browser truly lacks such fonts. Its own sans-serif draws 龙 and 马 as the
    // same missing-glyph box, and two flags alike, where the page's bundled fonts draw each.
    const lacks = await barePage.evaluate(() => {
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 120;
        canvas.height = 60;
        const context = canvas.getContext('2d');
        if (!context) return '';
        context.font = '40px sans-serif';
        context.fillText(text, 4, 44);
        return canvas.toDataURL();
      };
      return { chinese: draw('龙') === draw('马'), flags: draw('🇯🇵') === draw('🇫🇷') };
    });
    expect(lacks).toEqual({ chinese: true, flags: true });
    await openOverlay(barePage, url);
    const withoutFonts = await drawnNames(barePage);
    for (const [index, name] of NAMES.entries()) {
      expect(await inkOf(page, usual[index]!), `${name} has ink`).toBeGreaterThan(200);
      expect(withoutFonts[index]!.equals(usual[index]!), `${name} drawn alike`).toBe(true);
    }
  } finally {
    await bare?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
