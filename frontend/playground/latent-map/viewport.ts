import type { Point, ScreenPoint } from './types';

/**
 * Which part of the map the square canvas shows: the map point at its centre, pixels per map unit and the square's
 * side in CSS pixels. Screen y grows downwards, map y upwards. Views are values: every change makes a new one.
 */
export interface View {
  readonly cx: number;
  readonly cy: number;
  readonly scale: number;
  readonly size: number;
}

/** How far the view may zoom in and out (pixels per map unit). */
const MIN_SCALE = 1e-3;
const MAX_SCALE = 1e6;

export function toScreen(view: View, x: number, y: number): ScreenPoint {
  return { sx: view.size / 2 + (x - view.cx) * view.scale, sy: view.size / 2 - (y - view.cy) * view.scale };
}

export function toWorld(view: View, sx: number, sy: number): Point {
  return { x: view.cx + (sx - view.size / 2) / view.scale, y: view.cy - (sy - view.size / 2) / view.scale };
}

/** The view that shows bounds [x0, x1, y0, y1] whole, with a margin, in a square of the given side. */
export function fitted(bounds: readonly number[], size: number): View {
  const [x0, x1, y0, y1] = bounds;
  const span = Math.max(x1 - x0, y1 - y0, 1e-6) * 1.12;
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, scale: size / span, size };
}

/** The centre of bounds [x0, x1, y0, y1]. */
export function middle(bounds: readonly number[]): Point {
  const [x0, x1, y0, y1] = bounds;
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
}

/** Zoomed by a factor, keeping the map point under `around` (default: the middle of the square) where it is. */
export function zoomed(view: View, factor: number, around?: ScreenPoint): View {
  const centre = around ?? { sx: view.size / 2, sy: view.size / 2 };
  const before = toWorld(view, centre.sx, centre.sy);
  const scaled = { ...view, scale: Math.min(Math.max(view.scale * factor, MIN_SCALE), MAX_SCALE) };
  const after = toWorld(scaled, centre.sx, centre.sy);
  return { ...scaled, cx: scaled.cx + before.x - after.x, cy: scaled.cy + before.y - after.y };
}

/** The map moved by (dsx, dsy) screen pixels, as a drag by that much moves it. */
export function panned(view: View, dsx: number, dsy: number): View {
  return { ...view, cx: view.cx - dsx / view.scale, cy: view.cy + dsy / view.scale };
}

/** The same part of the map in a square of a new side (the canvas was resized). */
export function resized(view: View, size: number): View {
  const scale = view.size > 0 && view.size !== size ? view.scale * (size / view.size) : view.scale;
  return { ...view, scale, size };
}

/**
 * Moved just enough that a point stays at least `margin` pixels inside the square (the keyboard moved the
 * crosshair there); the same view when it already is.
 */
export function following(view: View, point: Point, margin = 12): View {
  const p = toScreen(view, point.x, point.y);
  const dx = p.sx < margin ? p.sx - margin : p.sx > view.size - margin ? p.sx - (view.size - margin) : 0;
  const dy = p.sy < margin ? p.sy - margin : p.sy > view.size - margin ? p.sy - (view.size - margin) : 0;
  return dx === 0 && dy === 0 ? view : panned(view, -dx, -dy);
}

/** Whether a screen point lies on the square (its edges included), or within `margin` pixels around it. */
export function onSquare(view: View, p: ScreenPoint, margin = 0): boolean {
  return p.sx >= -margin && p.sy >= -margin && p.sx <= view.size + margin && p.sy <= view.size + margin;
}

/** The map's test digits: their codes and their digits. */
export interface MapPoints {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly labels: readonly number[];
}

/**
 * The index of the shown point nearest to a screen position and less than `within` pixels from it, or -1 (points
 * of hidden digits do not count).
 */
export function nearestPoint(view: View, points: MapPoints, hidden: ReadonlySet<number>, sx: number, sy: number,
  within: number): number {
  let best = -1;
  let bestDistance = within * within;
  for (let i = 0; i < points.x.length; i++) {
    if (hidden.has(points.labels[i])) {
      continue;
    }
    const p = toScreen(view, points.x[i], points.y[i]);
    const d = (p.sx - sx) ** 2 + (p.sy - sy) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

/** A round grid step (1, 2 or 5 times a power of ten) near `raw`. */
export function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
  const scaled = raw / power;
  const nice = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
  return nice * power;
}

/** A grid line's label: as many decimals as the step needs, and 0 rather than a rounding error near it. */
export function tickLabel(value: number, step: number): string {
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return (Math.abs(value) < step / 1000 ? 0 : value).toFixed(digits);
}
