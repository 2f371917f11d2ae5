/**
 * Whether the stage redraws this frame. Pixi redraws the whole canvas every frame by default, even
 * when nothing on it moves: on software WebGL (SwiftShader — OBS with browser-source hardware
 * acceleration off, headless Chromium here) an empty 1920×1080 frame costs ~25 ms of GPU-process
 * CPU, so an idle alerts page kept more than a core busy between alerts. The stage now draws only
 * while a screen is moving or after something changed. Pure: the stage feeds it, tests drive it.
 */

/** Frames seen and frames drawn, for the debug hook. */
export interface FrameCounts {
  ticks: number;
  drawn: number;
}

export class FrameGate {
  private dirty = true;
  readonly counts: FrameCounts = { ticks: 0, drawn: 0 };

  /** Something changed that no screen reports as motion: new state, a resize, a status. */
  invalidate(): void {
    this.dirty = true;
  }

  /**
   * Called once per frame after the screens updated, with whether every screen is still; true
   * when the frame must be drawn. The first still frame after motion is drawn too, so what moved
   * last (a card that just left) does not stay on the canvas.
   */
  shouldDraw(still: boolean): boolean {
    this.counts.ticks += 1;
    const draw = this.dirty || !still;
    this.dirty = !still;
    if (draw) this.counts.drawn += 1;
    return draw;
  }
}
