/**
 * Caps how many textures Pixi's batch shader samples from. Pixi builds that shader with one
 * branch per texture unit the GPU reports (32 on SwiftShader), and a software renderer runs every
 * branch for every pixel: each pixel drawn pays for all the texture samples. Software WebGL is
 * what OBS uses when browser-source hardware acceleration is off, and what headless Chromium uses
 * here. Measured on the alerts page (1920×1080, SwiftShader, GPU-process CPU per frame): one
 * tier-3 card 70 → 47 ms, a full-screen rect 190 → 80 ms (1, 2 or 4 textures cost the same); an
 * empty frame ~25 ms either way. On a real GPU the cost is a few more draw calls per frame.
 */
import { ExtensionType, extensions, GlLimitsSystem } from 'pixi.js';

/** Textures one batch may sample from: a card (panel, texts, pictures) needs two or three batches. */
export const MAX_BATCH_TEXTURES = 4;

/** Pixi's WebGL limits, with batches capped at MAX_BATCH_TEXTURES. */
class CappedGlLimitsSystem extends GlLimitsSystem {
  static override extension = {
    type: [ExtensionType.WebGLSystem],
    name: 'limits',
  } as const;

  override contextChange(): void {
    super.contextChange();
    this.maxBatchableTextures = Math.min(this.maxBatchableTextures, MAX_BATCH_TEXTURES);
  }
}

let installed = false;

/**
 * Replaces Pixi's `limits` system before any renderer is made (renderers read their systems
 * when created; a context restore runs `contextChange` again, so the cap survives it).
 */
export function capBatchTextures(): void {
  if (installed) return;
  installed = true;
  extensions.remove(GlLimitsSystem);
  extensions.add(CappedGlLimitsSystem);
}
