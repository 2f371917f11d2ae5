/**
 * Starts an overlay page: a transparent Pixi application that fills the browser source, a
 * 1920×1080 design space scaled into it, the screens placed in that space, and their feed —
 * the server's `/overlay` namespace, or the local demo with `?demo`.
 */
import { Application, Container } from 'pixi.js';
import type { StateUpdate, TypedUpdate } from '../../shared/protocol/channel-data';
import { CHANNELS } from '../../shared/protocol/channels';
import {
  isStateUpdate,
  parseChannelState,
  parseChannelUpdate,
  type WireRead,
} from '../../shared/protocol/wire/read-wire';
import { capBatchTextures } from './batch-textures';
import { type ConnectionStatus, connectOverlay } from './connection';
import { ConnectionIndicator } from './connection-indicator';
import { type DesignBox, installDebugHook } from './debug-hook';
import { DemoPlayer } from './demo-player';
import { fitDesignSpace, placeBox } from './design-space';
import { DrawnUpdates } from './drawn-updates';
import { BundledFonts } from './fonts/bundled-fonts';
import { TextFonts } from './fonts/text-fonts';
import { type Anchor, parseParams } from './params';
import { usePictureToken } from './picture-route';
import type { OverlayScreen, ScreenDefinition } from './screen';
import { StageDrawing } from './stage-drawing';
import { themeFrom } from './theme';

/** A screen kind and where it goes; `anchor` null means the page's URL or the screen's default. */
export interface Placement {
  definition: ScreenDefinition;
  anchor: Anchor | null;
  scale: number;
}

interface Mounted {
  definition: ScreenDefinition;
  screen: OverlayScreen;
  /** Where the screen's box was placed, design px. */
  box: DesignBox;
}

export async function bootOverlay(
  pageId: string,
  placementsFor: (warnings: string[]) => Placement[],
): Promise<void> {
  const { params, warnings } = parseParams(window.location.search);
  const placements = placementsFor(warnings);
  const theme = themeFrom(params);
  // A demo has no server: its pictures are the drawn fallbacks.
  usePictureToken(params.demo ? null : params.token);

  capBatchTextures();
  // Latin text is drawn in the bundled font from the first frame (a local file: milliseconds).
  const fonts = new BundledFonts();
  const firstFont = fonts.load('Aa');
  const app = new Application();
  await app.init({
    resizeTo: window,
    backgroundAlpha: 0,
    // Multisampling costs every drawn pixel on software WebGL; screens that bake their shapes
    // (bake.ts) do without it.
    antialias: placements.some(({ definition }) => definition.canvasAntialias !== false),
    // WebGL: OBS enables hardware acceleration; WebGPU in headless Chromium renders blank.
    preference: 'webgl',
    resolution: Math.min(window.devicePixelRatio || 1, 2),
    autoDensity: true,
  });
  document.body.appendChild(app.canvas);
  await firstFont;
  const drawing = new StageDrawing(app);
  const drawnUpdates = new DrawnUpdates();

  const design = new Container({ label: 'design-space' });
  app.stage.addChild(design);
  const layout = () => {
    const fit = fitDesignSpace(app.screen.width, app.screen.height);
    design.scale.set(fit.scale);
    design.position.set(fit.offsetX, fit.offsetY);
    drawing.resized();
  };
  app.renderer.on('resize', layout);
  layout();

  const mounted: Mounted[] = placements.map(({ definition, anchor, scale }) => {
    const screen = definition.create({ params, theme, requestDraw: () => drawing.invalidate() });
    const single = placements.length === 1;
    const size = definition.sizeFor?.(params) ?? definition.size;
    const where = placeBox(
      anchor ?? (single ? params.anchor : null) ?? definition.defaultAnchor,
      size.width * scale,
      size.height * scale,
      single ? { x: params.x, y: params.y } : undefined,
    );
    screen.view.scale.set(scale);
    screen.view.position.set(where.x, where.y);
    design.addChild(screen.view);
    return {
      definition,
      screen,
      box: { ...where, width: size.width * scale, height: size.height * scale },
    };
  });

  // Text that needs a bundled font not loaded yet (a CJK name, an emoji) is drawn again once it is.
  const textFonts = new TextFonts(app.stage, fonts, () => drawing.invalidate());
  let textChanged = true;

  let status: ConnectionStatus = params.demo ? { state: 'demo' } : { state: 'connecting' };
  const indicator = params.preview ? new ConnectionIndicator(theme, warnings) : null;
  if (indicator) app.stage.addChild(indicator);
  const setStatus = (next: ConnectionStatus) => {
    status = next;
    indicator?.show(next);
    drawing.invalidate();
  };
  setStatus(status);

  const applyState = (update: StateUpdate, origin: 'snapshot' | 'update') => {
    drawing.invalidate();
    textChanged = true;
    for (const { definition, screen } of mounted) {
      if (!definition.channels.includes(update.channel)) continue;
      guarded(definition.id, () => screen.applyState(update, origin));
    }
  };
  const applyUpdate = (update: TypedUpdate) => {
    drawing.invalidate();
    textChanged = true;
    for (const { definition, screen } of mounted) {
      if (!definition.channels.includes(update.channel)) continue;
      // `<channel>.state` replaces the whole state; anything else is an increment.
      guarded(definition.id, () => {
        if (isStateUpdate(update)) screen.applyState(update, 'update');
        else screen.applyUpdate(update);
      });
    }
  };
  // Demo payloads go through the same schemas as the server's: a demo cannot show what a live
  // stream could not send.
  const demoRead = <T>(read: WireRead<T>, apply: (value: T) => void) => {
    if (read.ok) apply(read.value);
    else console.warn(`limelight: demo payload left out: ${read.message}`);
  };

  const demos = params.demo
    ? mounted.map(({ definition }) => {
        const script = definition.demo();
        for (const channel of CHANNELS) {
          if (!(channel in script.initial)) continue;
          demoRead(parseChannelState(channel, script.initial[channel]), (state) =>
            applyState(state, 'snapshot'),
          );
        }
        return new DemoPlayer(script, params.speed, performance.now());
      })
    : [];

  if (!params.demo) {
    const channels = [...new Set(mounted.flatMap(({ definition }) => definition.channels))];
    if (!params.token) {
      setStatus({ state: 'refused', reason: 'no ?token= in the URL (or add ?demo)' });
    } else {
      connectOverlay({
        origin: window.location.origin,
        token: params.token,
        streamer: params.stream,
        client: `overlay:${pageId}`,
        channels,
        onStatus: setStatus,
        onSnapshot: (snapshot) => {
          for (const state of snapshot.states) applyState(state, 'snapshot');
        },
        onUpdates: (batch) => {
          for (const update of batch.updates) applyUpdate(update);
          drawnUpdates.applied(batch.seq);
        },
      });
    }
  }

  app.ticker.add(() => {
    const now = performance.now();
    for (const demo of demos) {
      for (const update of demo.due(now)) demoRead(parseChannelUpdate(update), applyUpdate);
    }
    for (const { definition, screen } of mounted) guarded(definition.id, () => screen.update(now));
    if (textChanged) {
      textChanged = false;
      textFonts.scan();
    }
    const still = mounted.every(({ screen }) => screen.isStill?.() ?? false);
    if (drawing.frame(still)) drawnUpdates.drawn(performance.now());
  });

  installDebugHook(
    app.stage,
    design,
    drawnUpdates,
    () => Object.fromEntries(mounted.map(({ definition, screen }) => [definition.id, screen.view])),
    () => ({
      status,
      ready: true,
      warnings,
      fonts: fonts.report(),
      boxes: Object.fromEntries(mounted.map(({ definition, box }) => [definition.id, box])),
      frames: { ...drawing.report(), firstFrameMs: drawnUpdates.firstFrameMs },
      screens: Object.fromEntries(
        mounted.map(({ definition, screen }) => [definition.id, screen.debugState()]),
      ),
    }),
  );
}

/**
 * One failing screen or one unexpected payload must not take the overlay down on stream: the
 * error is logged (visible in OBS's browser-source devtools) and the other screens carry on.
 */
function guarded(screenId: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    console.error(`[limelight] ${screenId}:`, error);
  }
}

/** The usual page: one screen, placed by the URL's `pos`, `x`, `y` and `scale`. */
export function bootSingle(definition: ScreenDefinition): void {
  bootOverlay(definition.id, () => [
    { definition, anchor: null, scale: parseParams(window.location.search).params.scale },
  ]).catch((error: unknown) => console.error('[limelight] the overlay could not start:', error));
}
