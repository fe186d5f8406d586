import { describe, expect, it } from 'vitest';
import { DIGIT_COLOURS, type MapScene, paintDigit, paintMap } from '../../frontend/playground/latent-map/painter';
import { filledCircles, recordingContext, rings, texts } from './recording-context';

/** A 400-pixel square showing map coordinates -2 to 2 both ways, on a canvas of twice as many device pixels. */
function scene(changes: Partial<MapScene> = {}): MapScene {
  return {
    view: { cx: 0, cy: 0, scale: 100, size: 400 },
    ratio: 2,
    points: { x: [0, 1, -1, 5, 0.5], y: [0, 1, -1, 0, 0.5], labels: [0, 1, 0, 0, 9] },
    hiddenDigits: new Set(),
    selectedPoint: -1,
    paths: [],
    highlight: null,
    marker: null,
    axisX: 'z₁',
    axisY: 'z₂',
    ...changes,
  };
}

describe('painter', () => {
  it('clears the whole canvas, then draws in CSS pixels', () => {
    const { context, calls } = recordingContext(800, 800);
    paintMap(context, scene());
    expect(calls.slice(0, 3)).toEqual([
      ['setTransform', 1, 0, 0, 1, 0, 0], ['clearRect', 0, 0, 800, 800], ['setTransform', 2, 0, 0, 2, 0, 0]]);
  });

  it('draws each shown test digit as a dot in its digit\'s colour, leaving out hidden digits and dots off the map', () => {
    const { context, calls } = recordingContext();
    paintMap(context, scene({ hiddenDigits: new Set([1]) }));
    expect(filledCircles(calls, 2.6)).toEqual([
      [DIGIT_COLOURS[0], 200, 200], [DIGIT_COLOURS[0], 100, 300], [DIGIT_COLOURS[9], 250, 150]]);
  });

  it('draws one path per digit, all its dots filled at once', () => {
    const { context, calls } = recordingContext();
    paintMap(context, scene());
    expect(calls.filter(([name]) => name === 'fill')).toHaveLength(10);
  });

  it('labels the grid lines with round numbers and the axes with their names', () => {
    const { context, calls } = recordingContext();
    paintMap(context, scene());
    const ticks = ['-2.0', '-1.5', '-1.0', '-0.5', '0.0', '0.5', '1.0', '1.5', '2.0'];
    expect(texts(calls)).toEqual([...ticks, ...ticks, 'z₁', 'z₂']);
    expect(calls).toContainEqual(['fillText', 'z₁', 400 - 8 - 12, 14]);
  });

  it('draws only the grid and axes while the map loads', () => {
    const { context, calls } = recordingContext();
    paintMap(context, scene({ points: undefined, selectedPoint: 0, marker: { x: 0, y: 0, label: 'you' } }));
    expect(filledCircles(calls, 2.6)).toEqual([]);
    expect(rings(calls)).toEqual([]);
    expect(texts(calls).slice(-2)).toEqual(['z₁', 'z₂']);
  });

  it('rings the selected test digit', () => {
    const { context, calls } = recordingContext();
    paintMap(context, scene({ selectedPoint: 1 }));
    expect(rings(calls)).toEqual([[8, '#000', '#fff', 300, 100]]);
  });

  it('draws lines with a dot at each step and rings the step the path player shows', () => {
    const { context, calls } = recordingContext();
    const path = { points: [[0, 0], [1, 1], [1, -1]], color: '#d55e00', label: 'straight' };
    paintMap(context, scene({ paths: [path], highlight: { path: 0, step: 1 } }));
    expect(calls).toContainEqual(['moveTo', 200, 200]);
    expect(calls).toContainEqual(['lineTo', 300, 100]);
    expect(calls).toContainEqual(['lineTo', 300, 300]);
    expect(filledCircles(calls, 3.5)).toEqual([['#d55e00', 200, 200], ['#d55e00', 300, 100], ['#d55e00', 300, 300]]);
    expect(rings(calls)).toEqual([[9, '#d55e00', '#fff', 300, 100]]);
  });

  it('rings nothing for a highlighted step a path does not have', () => {
    const { context, calls } = recordingContext();
    const path = { points: [[0, 0]], color: '#000000', label: 'one' };
    paintMap(context, scene({ paths: [path], highlight: { path: 0, step: 4 } }));
    expect(rings(calls)).toEqual([]);
  });

  it('marks a drawn digit\'s place with a ring and its label', () => {
    const { context, calls } = recordingContext();
    paintMap(context, scene({ marker: { x: -1, y: 1, label: 'Your drawing' } }));
    expect(rings(calls)).toEqual([[11, '#000', '#ffcc00', 100, 100]]);
    expect(calls).toContainEqual(['fillText', 'Your drawing', 114, 90]);
  });

  it('paints a decoded digit as opaque grey pixels', () => {
    const { context, calls } = recordingContext();
    const grey = Uint8Array.from({ length: 784 }, (_, i) => i % 256);
    expect(paintDigit(context, grey)).toBe(true);
    const [name, image, x, y] = calls.at(-1)!;
    expect([name, x, y]).toEqual(['putImageData', 0, 0]);
    const data = (image as ImageData).data;
    expect(Array.from(data.slice(0, 8))).toEqual([0, 0, 0, 255, 1, 1, 1, 255]);
    expect(Array.from(data.slice(783 * 4))).toEqual([783 % 256, 783 % 256, 783 % 256, 255]);
  });

  it('paints nothing from bytes that are not a whole digit', () => {
    const { context, calls } = recordingContext();
    expect(paintDigit(context, new Uint8Array(100))).toBe(false);
    expect(calls).toEqual([]);
  });
});
