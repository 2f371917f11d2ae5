/** Colour palettes for the overlays; `?theme=` picks one and `?accent=` recolours its accent. */
import { BUNDLED_FAMILIES } from './fonts/families';
import type { OverlayParams, ThemeName } from './params';

/** Colours are 0xRRGGBB numbers, as Pixi takes them. */
export interface Theme {
  name: ThemeName;
  /** Card and panel fill. */
  panel: number;
  panelAlpha: number;
  /** Thin outline of panels. */
  edge: number;
  text: number;
  muted: number;
  accent: number;
  /** Bars and highlights that are not the accent (second poll colour, goal track…). */
  track: number;
  positive: number;
  fontFamily: string[];
}

/**
 * The bundled fonts first (fonts/families.ts: every machine draws names and emoji alike), then
 * the machine's own for scripts they do not cover. System emoji fonts come after the generic
 * family: they also carry digits and spaces (keycap bases), so listed earlier they would draw
 * "1" and " " in emoji metrics; the bundled emoji face leaves those to Inter by coming second.
 */
const FONT_STACK = [
  ...BUNDLED_FAMILIES,
  'Inter',
  'Segoe UI',
  'Roboto',
  'Helvetica Neue',
  'Arial',
  'Noto Sans',
  'DejaVu Sans',
  'sans-serif',
  'Apple Color Emoji',
  'Segoe UI Emoji',
  'Noto Color Emoji',
];

const PALETTES: Record<ThemeName, Omit<Theme, 'name' | 'fontFamily'>> = {
  dark: {
    panel: 0x12121a,
    panelAlpha: 0.86,
    edge: 0x2e2e3e,
    text: 0xffffff,
    muted: 0xa8a8bd,
    accent: 0xfe2c55,
    track: 0x2a2a38,
    positive: 0x25f4ee,
  },
  light: {
    panel: 0xffffff,
    panelAlpha: 0.92,
    edge: 0xdcdce6,
    text: 0x16161d,
    muted: 0x5c5c70,
    accent: 0xfe2c55,
    track: 0xe6e6ee,
    positive: 0x0fa3a0,
  },
  neon: {
    panel: 0x0b0420,
    panelAlpha: 0.8,
    edge: 0x7b2cff,
    text: 0xf5f0ff,
    muted: 0xb9a6e8,
    accent: 0x25f4ee,
    track: 0x24123f,
    positive: 0xff3df2,
  },
};

export function themeFrom(params: Pick<OverlayParams, 'theme' | 'accent'>): Theme {
  const palette = PALETTES[params.theme];
  return {
    ...palette,
    name: params.theme,
    accent: params.accent ?? palette.accent,
    fontFamily: FONT_STACK,
  };
}
