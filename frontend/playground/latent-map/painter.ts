import type { MapHighlight, MapMarker, MapPath } from './types';
import { type MapPoints, type View, niceStep, onSquare, tickLabel, toScreen, toWorld } from './viewport';

/** Ten colours that stay apart for common colour-vision deficiencies (Tableau 10). */
export const DIGIT_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
  '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#1f1f1f'];

/** The decoded digits' side in pixels. */
export const DIGIT_SIDE = 28;

/** What the painters use of a canvas's 2-D context (a test can hand in a recording stand-in). */
export type PaintContext = Pick<CanvasRenderingContext2D, 'canvas' | 'setTransform' | 'clearRect' | 'globalAlpha'
  | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'fill'
  | 'stroke' | 'fillText' | 'measureText' | 'save' | 'restore' | 'translate' | 'rotate'>;

/** Everything the scatter layer shows. */
export interface MapScene {
  view: View;
  /** Device pixels per CSS pixel of the canvas. */
  ratio: number;
  /** None while the map loads: then only the axes are drawn. */
  points?: MapPoints;
  hiddenDigits: ReadonlySet<number>;
  /** The index of the clicked test digit (ringed), or -1. */
  selectedPoint: number;
  paths: readonly MapPath[];
  highlight: MapHighlight | null;
  marker: MapMarker | null;
  axisX: string;
  axisY: string;
}

/** Draws the scatter layer (grid, axes, the test digits' dots, lines, marker) over the whole canvas. */
export function paintMap(context: PaintContext, scene: MapScene) {
  const { view, ratio } = scene;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  // Fixed colours: Lumo's custom properties may hold color-mix() expressions a canvas cannot parse.
  paintAxes(context, view, scene.axisX, scene.axisY, '#5a6270', '#e4e7ec');
  const points = scene.points;
  if (!points) {
    return;
  }
  context.globalAlpha = 0.72;
  for (let digit = 0; digit < 10; digit++) {
    if (scene.hiddenDigits.has(digit)) {
      continue;
    }
    context.fillStyle = DIGIT_COLOURS[digit];
    context.beginPath();
    for (let i = 0; i < points.x.length; i++) {
      if (points.labels[i] !== digit) {
        continue;
      }
      const p = toScreen(view, points.x[i], points.y[i]);
      if (!onSquare(view, p, 4)) {
        continue;
      }
      context.moveTo(p.sx + 2.6, p.sy);
      context.arc(p.sx, p.sy, 2.6, 0, Math.PI * 2);
    }
    context.fill();
  }
  context.globalAlpha = 1;
  if (scene.selectedPoint >= 0 && scene.selectedPoint < points.x.length) {
    const p = toScreen(view, points.x[scene.selectedPoint], points.y[scene.selectedPoint]);
    ring(context, p.sx, p.sy, 8, '#000', '#fff');
  }
  scene.paths.forEach((path, index) => {
    context.strokeStyle = path.color;
    context.fillStyle = path.color;
    context.lineWidth = 2.5;
    context.beginPath();
    path.points.forEach((point, i) => {
      const p = toScreen(view, point[0], point[1]);
      if (i === 0) {
        context.moveTo(p.sx, p.sy);
      } else {
        context.lineTo(p.sx, p.sy);
      }
    });
    context.stroke();
    path.points.forEach((point) => {
      const p = toScreen(view, point[0], point[1]);
      context.beginPath();
      context.arc(p.sx, p.sy, 3.5, 0, Math.PI * 2);
      context.fill();
    });
    const highlight = scene.highlight;
    if (highlight && highlight.path === index && path.points[highlight.step]) {
      const point = path.points[highlight.step];
      const p = toScreen(view, point[0], point[1]);
      ring(context, p.sx, p.sy, 9, path.color, '#fff');
    }
  });
  if (scene.marker) {
    const p = toScreen(view, scene.marker.x, scene.marker.y);
    ring(context, p.sx, p.sy, 11, '#000', '#ffcc00');
    context.fillStyle = '#000';
    context.font = 'bold 13px sans-serif';
    context.fillText(scene.marker.label, p.sx + 14, p.sy - 10);
  }
}

function ring(context: PaintContext, x: number, y: number, radius: number, outer: string, inner: string) {
  context.lineWidth = 4;
  context.strokeStyle = outer;
  context.beginPath();
  context.arc(x, y, radius, 0, Math.PI * 2);
  context.stroke();
  context.lineWidth = 2;
  context.strokeStyle = inner;
  context.stroke();
}

function paintAxes(context: PaintContext, view: View, axisX: string, axisY: string, text: string, grid: string) {
  const size = view.size;
  const topLeft = toWorld(view, 0, 0);
  const bottomRight = toWorld(view, size, size);
  const step = niceStep((bottomRight.x - topLeft.x) / 6);
  context.strokeStyle = grid;
  context.fillStyle = text;
  context.lineWidth = 1;
  context.font = '11px sans-serif';
  for (let x = Math.ceil(topLeft.x / step) * step; x <= bottomRight.x; x += step) {
    const p = toScreen(view, x, 0);
    context.beginPath();
    context.moveTo(p.sx, 0);
    context.lineTo(p.sx, size);
    context.stroke();
    context.fillText(tickLabel(x, step), p.sx + 2, size - 4);
  }
  for (let y = Math.ceil(bottomRight.y / step) * step; y <= topLeft.y; y += step) {
    const p = toScreen(view, 0, y);
    context.beginPath();
    context.moveTo(0, p.sy);
    context.lineTo(size, p.sy);
    context.stroke();
    context.fillText(tickLabel(y, step), 3, p.sy - 2);
  }
  context.font = '12px sans-serif';
  context.fillText(axisX, size - 8 - context.measureText(axisX).width, 14);
  context.save();
  context.translate(14, size / 2);
  context.rotate(-Math.PI / 2);
  context.fillText(axisY, 0, 0);
  context.restore();
}

/**
 * Paints a decoded digit (DIGIT_SIDE² grey bytes, row by row) at the context's top-left corner; returns false and
 * paints nothing when the bytes are not a whole digit.
 */
export function paintDigit(context: Pick<CanvasRenderingContext2D, 'createImageData' | 'putImageData'>,
  grey: Uint8Array): boolean {
  if (grey.length !== DIGIT_SIDE * DIGIT_SIDE) {
    return false;
  }
  const image = context.createImageData(DIGIT_SIDE, DIGIT_SIDE);
  for (let i = 0; i < grey.length; i++) {
    image.data[i * 4] = grey[i];
    image.data[i * 4 + 1] = grey[i];
    image.data[i * 4 + 2] = grey[i];
    image.data[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return true;
}
