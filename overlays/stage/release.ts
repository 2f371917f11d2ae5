/**
 * Releasing a finished subtree. Pixi's `destroy({children: true})` alone leaves each Graphics'
 * own GraphicsContext (its geometry and GPU batches) alive — measured here as ~50 kB of heap per
 * alert card — so every overlay releases with the options below instead. Shared contexts (the
 * confetti shapes) are detached before, in ConfettiBurst.
 */
import type { Container } from 'pixi.js';

/** Children, their own Graphics contexts and their own TextStyles (no style is shared). */
export const RELEASE_ALL = { children: true, context: true, style: true } as const;

export function release(node: Container): void {
  node.destroy(RELEASE_ALL);
}
