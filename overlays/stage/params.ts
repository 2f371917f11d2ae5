/**
 * The URL parameters every overlay page understands. Pure: parsed from a query string so unit
 * tests and the scene page share one reading. Bad values fall back to defaults and are reported
 * as warnings (shown by the preview indicator), so a typo in OBS never blanks the overlay.
 */
import { isStreamerId } from '../../shared/protocol/streamers';

export const THEMES = ['dark', 'light', 'neon'] as const;
/** A named palette; see theme.ts. */
export type ThemeName = (typeof THEMES)[number];

export const ANCHORS = [
  'top-left',
  'top',
  'top-right',
  'left',
  'center',
  'right',
  'bottom-left',
  'bottom',
  'bottom-right',
] as const;
/** Where an overlay's box sits inside the 1920×1080 design space. */
export type Anchor = (typeof ANCHORS)[number];

/** Everything an overlay page reads from its URL. */
export interface OverlayParams {
  /** The overlay token from the server's config; null only makes sense with `demo`. */
  token: string | null;
  /**
   * `stream=ben`: which of its token's streams the page shows, for a token granted several
   * (default: the token's first). A stream the token does not grant is refused by the server
   * (STREAM_NOT_GRANTED, on the preview indicator), never swapped for another.
   */
  stream: string | null;
  theme: ThemeName;
  /** `accent=ff3366` (hex, with or without #) overrides the theme's accent colour. */
  accent: number | null;
  /** `pos=bottom-left`: the box's place in the design space (default: the page's own). */
  anchor: Anchor | null;
  /** `x`/`y`: the box's top-left corner in design pixels; overrides `pos`. */
  x: number | null;
  y: number | null;
  /** `scale=1.5`: the box's size multiplier (0.25–4). */
  scale: number;
  /** `width=700`: the box's width in design pixels where the page allows it (chat, poll…). */
  width: number | null;
  /** `?preview`: show the connection indicator (never set it in OBS). */
  preview: boolean;
  /** `?demo`: play sample events locally, no server needed. */
  demo: boolean;
  /** `minTier=3`: alerts below this tier are not shown (1–5). */
  minTier: 1 | 2 | 3 | 4 | 5;
  /** `speed=10`: plays alert and demo timings faster (0.1–1000); tests and previews use it. */
  speed: number;
  /** `lines=8`: how many chat lines stay on screen (1–30). */
  lines: number;
  /** `goal=<id>`: which goal the goal bar follows (default: the first). */
  goal: string | null;
  /** `show=alerts@top,chat@bottom-left`: what the scene page places, and where. */
  show: string | null;
}

export interface ParsedParams {
  params: OverlayParams;
  /** One line per ignored parameter, e.g. `scale=abc: not a number, using 1`. */
  warnings: string[];
}

const flag = (query: URLSearchParams, name: string): boolean => {
  const value = query.get(name);
  return value !== null && value !== '0' && value !== 'false';
};

export function parseParams(search: string): ParsedParams {
  const query = new URLSearchParams(search);
  const warnings: string[] = [];

  const number = (name: string, min: number, max: number, fallback: number): number => {
    const raw = query.get(name);
    if (raw === null || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      warnings.push(`${name}=${raw}: not a number, using ${fallback}`);
      return fallback;
    }
    if (value < min || value > max) {
      const clamped = Math.min(max, Math.max(min, value));
      warnings.push(`${name}=${raw}: outside ${min}–${max}, using ${clamped}`);
      return clamped;
    }
    return value;
  };
  const optionalNumber = (name: string, min: number, max: number): number | null =>
    query.get(name) === null ? null : number(name, min, max, min);

  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const raw = query.get(name);
    if (raw === null || raw === '') return null;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    warnings.push(`${name}=${raw}: expected one of ${allowed.join(', ')}`);
    return null;
  };

  return {
    params: {
      token: query.get('token') || null,
      stream: parseStream(query.get('stream'), warnings),
      theme: oneOf('theme', THEMES) ?? 'dark',
      accent: parseAccent(query.get('accent'), warnings),
      anchor: oneOf('pos', ANCHORS),
      x: optionalNumber('x', -1920, 3840),
      y: optionalNumber('y', -1080, 2160),
      scale: number('scale', 0.25, 4, 1),
      width: optionalNumber('width', 200, 1920),
      preview: flag(query, 'preview'),
      demo: flag(query, 'demo'),
      minTier: Math.round(number('minTier', 1, 5, 1)) as OverlayParams['minTier'],
      speed: number('speed', 0.1, 1000, 1),
      lines: Math.round(number('lines', 1, 30, 8)),
      goal: query.get('goal') || null,
      show: query.get('show') || null,
    },
    warnings,
  };
}

/** Kept even when malformed, so the server refuses it rather than the page showing another stream. */
function parseStream(raw: string | null, warnings: string[]): string | null {
  if (raw === null || raw === '') return null;
  if (!isStreamerId(raw))
    warnings.push(`stream=${raw}: a stream is lower-case letters, digits and dashes`);
  return raw;
}

function parseAccent(raw: string | null, warnings: string[]): number | null {
  if (raw === null || raw === '') return null;
  const hex = raw.replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return Number.parseInt(hex, 16);
  if (/^[0-9a-fA-F]{3}$/.test(hex)) {
    return Number.parseInt(
      hex
        .split('')
        .map((digit) => digit + digit)
        .join(''),
      16,
    );
  }
  warnings.push(`accent=${raw}: expected a hex colour like ff3366`);
  return null;
}
