// The scene page: several overlays in one browser source, placed by `?show=`.
import { SCREENS } from '../screens/registry';
import { bootOverlay } from '../stage/boot';
import { parseParams } from '../stage/params';
import { parseSceneLayout } from '../stage/scene-layout';

bootOverlay('scene', (warnings) =>
  parseSceneLayout(parseParams(window.location.search).params.show, warnings).map((placement) => ({
    definition: SCREENS[placement.id],
    anchor: placement.anchor,
    scale: placement.scale,
  })),
).catch((error: unknown) => console.error('[limelight] the overlay could not start:', error));
