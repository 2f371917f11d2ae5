/**
 * `window.__limelight`: what browser tests read instead of pixels alone — how many display
 * objects exist, every Text on screen, and each screen's state. Cheap, read-only, always on
 * (it holds no data of its own).
 */
import { type Container, Text } from 'pixi.js';
import type { ConnectionStatus } from './connection';
import type { FrameCounts } from './frame-gate';

export interface LimelightDebugHook {
  /** Every Container in the scene graph, the stage included. */
  displayObjectCount(): number;
  /** The text of every visible Text, depth first. */
  texts(): string[];
  /** Connection status and each screen's own state, keyed by screen id. */
  readonly state: {
    status: ConnectionStatus;
    ready: boolean;
    frames: StageFrames;
    screens: Record<string, unknown>;
  };
}

/** What the stage does per frame: tests check an idle page stops drawing and keeps no callbacks. */
export interface StageFrames extends FrameCounts {
  /** Textures one batch samples from (capped: see batch-textures.ts). */
  batchTextures: number;
  /** Whether the canvas multisamples (pages whose screens bake their shapes do not: bake.ts). */
  antialias: boolean;
  /** Callbacks on the page's ticker. */
  tickerListeners: number;
  /** The canvas's CSS clip-path: what was last drawn, see draw-clip.ts. */
  clip: string;
  /**
   * Largest share (0–1) of the canvas any drawn frame left unclipped since the page started: on
   * software WebGL the compositor pays for that area every drawn frame.
   */
  widestDrawnShare: number;
}

declare global {
  interface Window {
    __limelight?: LimelightDebugHook;
  }
}

export function installDebugHook(
  stage: Container,
  state: () => LimelightDebugHook['state'],
): LimelightDebugHook {
  const hook: LimelightDebugHook = {
    displayObjectCount: () => countContainers(stage),
    texts: () => {
      const out: string[] = [];
      collectTexts(stage, out);
      return out;
    },
    get state() {
      return state();
    },
  };
  window.__limelight = hook;
  return hook;
}

function countContainers(node: Container): number {
  let count = 1;
  for (const child of node.children) count += countContainers(child);
  return count;
}

function collectTexts(node: Container, out: string[]): void {
  if (!node.visible) return;
  if (node instanceof Text && node.text !== '') out.push(node.text);
  for (const child of node.children) collectTexts(child, out);
}
