// The scene page: several overlays in one browser source, placed by `?show=`.
import { SCREENS } from '../screens/registry';
import { bootOverlay } from '../stage/boot';
import { parseParams } from '../stage/params';
import { alertsOnTop, overlappingBoxes, parseSceneLayout, sceneBoxes } from '../stage/scene-layout';

bootOverlay('scene', (warnings) => {
  const { params } = parseParams(window.location.search);
  const placements = parseSceneLayout(params.show, warnings);
  const boxes = sceneBoxes(
    placements,
    (id) => SCREENS[id].sizeFor?.(params) ?? SCREENS[id].size,
    (id) => SCREENS[id].defaultAnchor,
  );
  // Listed by ?preview, so a streamer placing screens sees which ones collide.
  for (const [a, b] of overlappingBoxes(boxes)) warnings.push(`show: ${a} and ${b} overlap`);
  return alertsOnTop(placements).map((placement) => ({
    definition: SCREENS[placement.id],
    anchor: placement.anchor,
    scale: placement.scale,
  }));
}).catch((error: unknown) => console.error('[limelight] the overlay could not start:', error));
