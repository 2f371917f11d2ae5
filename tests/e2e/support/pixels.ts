/**
 * Finding a picture's colours in a screenshot: how many pixels are (nearly) a given colour and
 * where their middle is. The PNG is decoded by the browser itself (no PNG library needed).
 */
import type { Page } from '@playwright/test';

export type Rgb = readonly [number, number, number];

/** Pixels within `tolerance` (per channel) of a colour: how many, and their mean x and y. */
export interface ColourSpot {
  count: number;
  x: number;
  y: number;
}

export function findColours(
  page: Page,
  png: Buffer,
  colours: readonly Rgb[],
  tolerance = 10,
): Promise<ColourSpot[]> {
  return page.evaluate(
    async ({ data, colours, tolerance }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const spots = colours.map(() => ({ count: 0, x: 0, y: 0 }));
      for (let i = 0; i < pixels.length; i += 4) {
        if ((pixels[i + 3] ?? 0) < 250) continue;
        colours.forEach(([r, g, b], c) => {
          const near =
            Math.abs((pixels[i] ?? 0) - r) <= tolerance &&
            Math.abs((pixels[i + 1] ?? 0) - g) <= tolerance &&
            Math.abs((pixels[i + 2] ?? 0) - b) <= tolerance;
          const spot = spots[c];
          if (!near || !spot) return;
          const at = i / 4;
          spot.count += 1;
          spot.x += at % image.width;
          spot.y += Math.floor(at / image.width);
        });
      }
      return spots.map((s) => ({
        count: s.count,
        x: s.count ? s.x / s.count : -1,
        y: s.count ? s.y / s.count : -1,
      }));
    },
    { data: png.toString('base64'), colours, tolerance },
  );
}
