/**
 * Vector shapes drawn once into an antialiased texture, then shown as a sprite. On software WebGL
 * (SwiftShader: OBS with browser-source hardware acceleration off, headless Chromium here) a
 * multisampled canvas pays for every pixel of every frame four times over — measured on the
 * alerts page under a 50 gifts/s storm: 37 → 25 ms of GPU-process CPU per drawn frame with the
 * canvas's antialiasing off. A screen that bakes its shapes keeps their smooth edges (the bake is
 * multisampled, once) and can tell the stage it needs no antialiased canvas
 * (`ScreenDefinition.canvasAntialias`).
 */
import type { Container } from 'pixi.js';

/** Baked textures stay under this many texture pixels per local pixel (memory bound). */
export const MAX_BAKE_RESOLUTION = 4;

/** The stage's render resolution (boot.ts): device pixels per CSS pixel, at most 2. */
export function renderResolution(): number {
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio;
  return Math.min(ratio || 1, 2);
}

/**
 * Device pixels per local pixel of `node` as last drawn (its world scale × the render
 * resolution); 1 before the stage has drawn it.
 */
export function devicePixelsOf(node: Container): number {
  const { a, b } = node.worldTransform;
  const scale = Math.hypot(a, b);
  return (scale > 0 ? scale : 1) * renderResolution();
}

/** Texture pixels per local pixel for a bake shown at `drawnScale` × `devicePixels`. */
export function bakeResolution(drawnScale: number, devicePixels: number): number {
  return Math.min(MAX_BAKE_RESOLUTION, Math.max(0.25, drawnScale * devicePixels));
}

/**
 * Caches `container` (children included) as one antialiased texture at `resolution`. Call
 * `container.updateCacheTexture()` after changing what it holds.
 */
export function bakeShapes(container: Container, resolution: number): void {
  container.cacheAsTexture({ antialias: true, resolution });
}
