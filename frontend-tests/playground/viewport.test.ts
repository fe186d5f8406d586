import { describe, expect, it } from 'vitest';
import {
  type View, fitted, following, middle, nearestPoint, niceStep, onSquare, panned, resized, tickLabel, toScreen,
  toWorld, zoomed,
} from '../../frontend/playground/latent-map/viewport';

const view: View = { cx: 1, cy: -2, scale: 40, size: 400 };

describe('viewport', () => {
  it('puts the view centre in the middle of the square, with map y growing upwards', () => {
    expect(toScreen(view, 1, -2)).toEqual({ sx: 200, sy: 200 });
    expect(toScreen(view, 2, -1)).toEqual({ sx: 240, sy: 160 });
  });

  it('takes a screen position back to the map point drawn there', () => {
    for (const [x, y] of [[0, 0], [3.25, -7.5], [-1e3, 42]]) {
      const p = toScreen(view, x, y);
      const back = toWorld(view, p.sx, p.sy);
      expect(back.x).toBeCloseTo(x, 9);
      expect(back.y).toBeCloseTo(y, 9);
    }
  });

  it('fits the whole of a data set into the square with a margin on its wider side', () => {
    const bounds = [-4, 2, -1, 1];
    const fit = fitted(bounds, 500);
    expect(middle(bounds)).toEqual({ x: -1, y: 0 });
    expect([fit.cx, fit.cy, fit.size]).toEqual([-1, 0, 500]);
    const left = toScreen(fit, -4, 0).sx;
    const right = toScreen(fit, 2, 0).sx;
    expect(right - left).toBeCloseTo(500 / 1.12, 9);
    expect(left).toBeGreaterThan(0);
    expect(right).toBeLessThan(500);
  });

  it('fits a data set of a single point without dividing by zero', () => {
    expect(Number.isFinite(fitted([3, 3, 3, 3], 400).scale)).toBe(true);
  });

  it('zooms around a screen position, which keeps showing the same map point', () => {
    const around = { sx: 100, sy: 320 };
    const before = toWorld(view, around.sx, around.sy);
    const closer = zoomed(view, 1.5, around);
    expect(closer.scale).toBeCloseTo(60, 9);
    const after = toWorld(closer, around.sx, around.sy);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  it('zooms around the middle of the square unless told otherwise', () => {
    const closer = zoomed(view, 2);
    expect([closer.cx, closer.cy, closer.scale]).toEqual([1, -2, 80]);
  });

  it('stops zooming at its limits', () => {
    expect(zoomed(view, 1e12).scale).toBe(1e6);
    expect(zoomed(view, 1e-12).scale).toBe(1e-3);
  });

  it('pans by a drag: the map point under the pointer moves with it', () => {
    const moved = panned(view, 30, -10);
    expect(toScreen(moved, 1, -2)).toEqual({ sx: 230, sy: 190 });
    expect(moved.scale).toBe(view.scale);
  });

  it('keeps showing the same part of the map when the canvas is resized', () => {
    const bigger = resized(view, 600);
    expect(bigger.size).toBe(600);
    expect(toWorld(bigger, 0, 0)).toEqual(toWorld(view, 0, 0));
    expect(resized(view, 400)).toEqual(view);
  });

  it('follows a point the keyboard moved off the square just enough to keep it inside the margin', () => {
    const inside = { x: 2, y: -2 };
    expect(following(view, inside)).toBe(view);
    const pastTheRight = toWorld(view, 430, 200);
    const followed = following(view, pastTheRight);
    expect(toScreen(followed, pastTheRight.x, pastTheRight.y).sx).toBeCloseTo(400 - 12, 9);
    expect(toScreen(followed, pastTheRight.x, pastTheRight.y).sy).toBeCloseTo(200, 9);
    const aboveTheTop = toWorld(view, 200, 5);
    expect(toScreen(following(view, aboveTheTop), aboveTheTop.x, aboveTheTop.y).sy).toBeCloseTo(12, 9);
  });

  it('says whether a screen point is on the square, edges included, or near it', () => {
    expect(onSquare(view, { sx: 0, sy: 400 })).toBe(true);
    expect(onSquare(view, { sx: -1, sy: 200 })).toBe(false);
    expect(onSquare(view, { sx: -3, sy: 403 }, 4)).toBe(true);
  });

  it('finds the nearest shown test digit within a radius, skipping hidden digits', () => {
    const points = { x: [1, 1.1, 3], y: [-2, -2, -2], labels: [7, 3, 7] };
    const atFirst = toScreen(view, 1, -2);
    expect(nearestPoint(view, points, new Set(), atFirst.sx + 1, atFirst.sy, 10)).toBe(0);
    expect(nearestPoint(view, points, new Set([7]), atFirst.sx + 1, atFirst.sy, 10)).toBe(1);
    expect(nearestPoint(view, points, new Set([3, 7]), atFirst.sx, atFirst.sy, 10)).toBe(-1);
    expect(nearestPoint(view, points, new Set(), atFirst.sx, atFirst.sy + 11, 10)).toBe(-1);
  });

  it('chooses round grid steps and labels them without rounding noise', () => {
    expect(niceStep(0.23)).toBeCloseTo(0.2, 12);
    expect(niceStep(1.6)).toBe(2);
    expect(niceStep(4)).toBe(5);
    expect(niceStep(8)).toBe(10);
    expect(niceStep(0)).toBeGreaterThan(0);
    expect(tickLabel(0.30000000000000004, 0.1)).toBe('0.3');
    expect(tickLabel(-1e-17, 0.5)).toBe('0.0');
    expect(tickLabel(20, 10)).toBe('20');
  });
});
