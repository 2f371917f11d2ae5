/**
 * How the page draws its Pixi stage: only on frames that need it (frame-gate.ts) and with the
 * canvas clipped to what was drawn (draw-clip.ts). Both matter most on software WebGL, where an
 * idle or mostly empty 1920×1080 canvas cost more per frame than the alerts drawn on it.
 */
import type { Application } from 'pixi.js';
import type { StageFrames } from './debug-hook';
import { clipPathOf, keptBoxFor, keptShare } from './draw-clip';
import { FrameGate } from './frame-gate';

export class StageDrawing {
  private readonly gate = new FrameGate();
  /** The clip-path as last set (the browser reads it back normalised). */
  private clip = '';
  /** Largest share of the canvas a drawn frame kept visible, since the page started. */
  private widestShare = 0;

  constructor(private readonly app: Application) {
    // Drawing goes through `frame` instead of Pixi's own render on every tick.
    app.ticker.remove(app.render, app);
    // A restored GPU context starts blank: draw the still scene again.
    app.renderer.runners.contextChange.add({ contextChange: () => this.invalidate() });
  }

  /** Something changed that no screen reports as motion: new state, a status. */
  invalidate(): void {
    this.gate.invalidate();
  }

  /** The canvas was resized: Pixi draws it at once, outside `frame`, so it goes unclipped. */
  resized(): void {
    this.setClip('none');
    this.gate.invalidate();
  }

  /** Once per tick, after the screens updated; `still` when none of them moves. True if drawn. */
  frame(still: boolean): boolean {
    if (!this.gate.shouldDraw(still)) return false;
    this.app.render();
    // Transforms are fresh after the render: bounds need no second pass over the scene.
    const { width, height } = this.app.screen;
    const kept = keptBoxFor(this.app.stage.getBounds(true), width, height);
    this.widestShare = Math.max(this.widestShare, keptShare(kept, width, height));
    this.setClip(clipPathOf(kept, width, height));
    return true;
  }

  /** For the debug hook. */
  report(): Omit<StageFrames, 'firstFrameMs'> {
    return {
      ...this.gate.counts,
      batchTextures: this.app.renderer.limits.maxBatchableTextures,
      antialias: this.app.renderer.view.antialias,
      tickerListeners: this.app.ticker.count,
      clip: this.app.canvas.style.clipPath,
      widestDrawnShare: this.widestShare,
    };
  }

  private setClip(clip: string): void {
    if (clip !== this.clip) this.app.canvas.style.clipPath = clip;
    this.clip = clip;
  }
}
