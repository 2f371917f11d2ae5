/** The rounded, slightly translucent panel most overlays sit on. */
import { Graphics } from 'pixi.js';
import type { Theme } from './theme';

export function drawPanel(
  graphics: Graphics,
  theme: Theme,
  width: number,
  height: number,
  radius = 22,
  edge: number = theme.edge,
): Graphics {
  return graphics
    .clear()
    .roundRect(0, 0, width, height, radius)
    .fill({ color: theme.panel, alpha: theme.panelAlpha })
    .stroke({ width: 2, color: edge, alpha: 0.9 });
}

export const newPanel = (theme: Theme, width: number, height: number, radius = 22): Graphics =>
  drawPanel(new Graphics(), theme, width, height, radius);
