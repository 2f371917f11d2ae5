/**
 * `window.__limelight`: what browser tests read instead of pixels alone — how many display
 * objects exist, every Text on screen, and each screen's state. Cheap, read-only, always on
 * (it holds no data of its own).
 */
import { type Container, Text } from 'pixi.js';
import type { ConnectionStatus } from './connection';
import type { DrawnUpdate, DrawnUpdates } from './drawn-updates';
import type { FontsReport } from './fonts/bundled-fonts';
import type { FrameCounts } from './frame-gate';

export interface LimelightDebugHook {
  /** Every Container in the scene graph, the stage included. */
  displayObjectCount(): number;
  /** The text of every visible Text, depth first. */
  texts(): string[];
  /**
   * Where every visible Text is drawn, in design px (1920×1080), depth first: tests check labels
   * stay inside their cards at every frame.
   */
  textBounds(): Array<{ text: string } & DesignBox>;
  /** Where the first visible node with this Pixi `label` is drawn, design px; null if none. */
  boundsOf(label: string): DesignBox | null;
  /** Where each screen is drawn (the bounds of all it draws), design px, keyed by screen id. */
  screenBounds(): Record<string, DesignBox>;
  /** For each update batch after journal `seq`, the first frame drawn once it was applied. */
  drawnUpdates(afterSeq: number): DrawnUpdate[];
  /** Connection status and each screen's own state, keyed by screen id. */
  readonly state: {
    status: ConnectionStatus;
    ready: boolean;
    /** Ignored URL parameters and scene problems, as `?preview` lists them. */
    warnings: string[];
    /** Bundled font files loaded per family, loads under way and failed (fonts/). */
    fonts: FontsReport;
    /** Where each screen's box was placed, design px, keyed by screen id. */
    boxes: Record<string, DesignBox>;
    frames: StageFrames;
    screens: Record<string, unknown>;
  };
}

/** A rectangle in the 1920×1080 design space. */
export interface DesignBox {
  x: number;
  y: number;
  width: number;
  height: number;
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
  /** Milliseconds from navigation to the first drawn frame (null before it). */
  firstFrameMs: number | null;
}

declare global {
  interface Window {
    __limelight?: LimelightDebugHook;
  }
}

export function installDebugHook(
  stage: Container,
  design: Container,
  drawnUpdates: DrawnUpdates,
  screens: () => Record<string, Container>,
  state: () => LimelightDebugHook['state'],
): LimelightDebugHook {
  const inDesign = (node: Container): DesignBox => {
    const bounds = node.getBounds();
    const scale = design.worldTransform.a || 1;
    const { tx, ty } = design.worldTransform;
    return {
      x: (bounds.x - tx) / scale,
      y: (bounds.y - ty) / scale,
      width: bounds.width / scale,
      height: bounds.height / scale,
    };
  };
  const hook: LimelightDebugHook = {
    displayObjectCount: () => countContainers(stage),
    texts: () => {
      const out: string[] = [];
      collectTexts(stage, out);
      return out;
    },
    textBounds: () => {
      const out: Text[] = [];
      collectTextNodes(stage, out);
      return out.map((text) => ({ text: text.text, ...inDesign(text) }));
    },
    boundsOf: (label) => {
      const node = findVisible(stage, label);
      return node ? inDesign(node) : null;
    },
    screenBounds: () =>
      Object.fromEntries(Object.entries(screens()).map(([id, view]) => [id, inDesign(view)])),
    drawnUpdates: (afterSeq) => drawnUpdates.after(afterSeq),
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

function findVisible(node: Container, label: string): Container | null {
  if (!node.visible) return null;
  if (node.label === label) return node;
  for (const child of node.children) {
    const found = findVisible(child, label);
    if (found) return found;
  }
  return null;
}

function collectTextNodes(node: Container, out: Text[]): void {
  if (!node.visible) return;
  if (node instanceof Text && node.text !== '') out.push(node);
  for (const child of node.children) collectTextNodes(child, out);
}

function collectTexts(node: Container, out: string[]): void {
  if (!node.visible) return;
  if (node instanceof Text && node.text !== '') out.push(node.text);
  for (const child of node.children) collectTexts(child, out);
}
