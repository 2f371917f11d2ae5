/**
 * The contract every overlay screen implements, and the registry of screens keyed by a static
 * id (the pixi open-games pattern): a page boots one screen, the scene page several.
 */
import type { Container } from 'pixi.js';
import type { StateUpdate } from '../../shared/protocol/channel-data';
import type { Channel } from '../../shared/protocol/channels';
import { OVERLAY_PAGES, type OverlayPage } from '../../shared/protocol/overlay-pages';
import type { IncrementUpdate } from '../../shared/protocol/wire/read-wire';
import type { DemoScript } from './demo-player';
import type { Anchor, OverlayParams } from './params';
import type { Theme } from './theme';

/**
 * A screen's static id; also its page name (`/overlays/<id>.html`). Every overlay page is one
 * screen except the scene page, which composes several.
 */
export type ScreenId = Exclude<OverlayPage, 'scene'>;

/** Derived from OVERLAY_PAGES, so a new page and its screen id cannot drift apart. */
export const SCREEN_IDS: readonly ScreenId[] = OVERLAY_PAGES.filter(
  (page): page is ScreenId => page !== 'scene',
);

export const isScreenId = (value: string): value is ScreenId =>
  (SCREEN_IDS as readonly string[]).includes(value);

/** What a screen gets from the stage. */
export interface ScreenContext {
  params: OverlayParams;
  theme: Theme;
  /**
   * Asks the stage to draw the next frame once: for a change that comes from neither a state, an
   * update nor motion (a countdown's second ticked, an image loaded) on a screen that is still.
   */
  requestDraw(): void;
}

/** One overlay drawn in design pixels; the stage places and scales its `view`. */
export interface OverlayScreen {
  readonly view: Container;
  /**
   * Replaces a channel's whole state: from a snapshot (connect, reconnect, demo start) or from
   * a `<channel>.state` update. The stage read it through the protocol's schemas already.
   */
  applyState(update: StateUpdate, origin: 'snapshot' | 'update'): void;
  /** Applies an incremental update (`alert.upsert`, `chat.line`, …), read as the states are. */
  applyUpdate(update: IncrementUpdate): void;
  /** Called once per frame with `performance.now()`. */
  update(now: number): void;
  /**
   * True when nothing this screen draws moves until its next state or update, so the stage may
   * skip redrawing (see frame-gate.ts). Screens without it are redrawn every frame. A one-off
   * change between states (a countdown's text) calls `ScreenContext.requestDraw` instead.
   */
  isStill?(): boolean;
  /** What the test hook reports about this screen. */
  debugState(): Record<string, unknown>;
  destroy(): void;
}

/** A screen kind: how to make one, which channels it draws and what its demo plays. */
export interface ScreenDefinition {
  id: ScreenId;
  channels: readonly Channel[];
  /** The box the screen draws in, design pixels at scale 1, for anchoring. */
  size: { width: number; height: number };
  /** The box when URL parameters change it (e.g. chat's `width`); defaults to `size`. */
  sizeFor?(params: OverlayParams): { width: number; height: number };
  defaultAnchor: Anchor;
  /**
   * False when the screen bakes its vector shapes into antialiased textures itself (bake.ts), so
   * the canvas needs no multisampling; a page multisamples unless all its screens say false.
   */
  canvasAntialias?: boolean;
  create(context: ScreenContext): OverlayScreen;
  demo(): DemoScript;
}
