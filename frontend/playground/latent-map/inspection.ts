import type { Point, ScreenPoint } from './types';

/**
 * What the Chromium journeys and bench/playground-latency read of a map, kept off the element's own properties:
 * `inspectLatentMap(element)` in the page returns it.
 */
export interface LatentMapInspection {
  /** Decode answers shown so far. */
  readonly decodedCount: number;
  /** Milliseconds from each measured pointer or key move to the frame that shows its answer (the newest ones). */
  readonly latencies: readonly number[];
  /** The test digits' codes once the map has loaded. */
  readonly points: { readonly x: readonly number[]; readonly y: readonly number[] } | null;
  /** Where the crosshair is, in map coordinates, if it has been placed. */
  readonly probe: Point | null;
  /** Where a map point is on the map's canvas, in CSS pixels from its top-left corner. */
  toScreen(x: number, y: number): ScreenPoint;
}

/** How many latencies a map keeps: a long benchmark reads them as it goes, a page left open does not grow. */
export const KEPT_LATENCIES = 20000;

/** A map's decode record: answers shown, and each measured move's latency. */
export class DecodeRecord {
  decodedCount = 0;
  readonly latencies: number[] = [];

  /** The frame painted at `paintedAt` is the first to show an answer to the moves made at `moveTimes`. */
  painted(moveTimes: readonly number[], paintedAt: number) {
    for (const t of moveTimes) {
      this.latencies.push(paintedAt - t);
    }
    if (this.latencies.length > KEPT_LATENCIES) {
      this.latencies.splice(0, this.latencies.length - KEPT_LATENCIES);
    }
  }
}

const inspections = new WeakMap<Element, LatentMapInspection>();

/** Makes a map's inspection what `inspectLatentMap(element)` returns. */
export function allowInspection(element: Element, inspection: LatentMapInspection) {
  inspections.set(element, inspection);
}

export function inspectLatentMap(element: Element | null | undefined): LatentMapInspection | undefined {
  return element ? inspections.get(element) : undefined;
}

// The one global the map adds, for tests and benchmarks driving a page from outside its modules.
(globalThis as { inspectLatentMap?: typeof inspectLatentMap }).inspectLatentMap = inspectLatentMap;
