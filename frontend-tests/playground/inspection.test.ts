import { describe, expect, it } from 'vitest';
import {
  DecodeRecord, KEPT_LATENCIES, type LatentMapInspection, allowInspection,
} from '../../frontend/playground/latent-map/inspection';

describe('map inspection', () => {
  it('records each move\'s time to the frame that showed its answer', () => {
    const record = new DecodeRecord();
    record.painted([100, 116], 150);
    record.painted([], 170);
    record.painted([160], 190);
    expect(record.latencies).toEqual([50, 34, 30]);
  });

  it('keeps only the newest latencies', () => {
    const record = new DecodeRecord();
    for (let i = 0; i < KEPT_LATENCIES + 5; i++) {
      record.painted([0], i);
    }
    expect(record.latencies).toHaveLength(KEPT_LATENCIES);
    expect(record.latencies[0]).toBe(5);
    expect(record.latencies.at(-1)).toBe(KEPT_LATENCIES + 4);
  });

  it('is read through one global function, for the element it belongs to only', () => {
    const element = {} as Element;
    const inspection = { decodedCount: 3 } as LatentMapInspection;
    allowInspection(element, inspection);
    const inspect = (globalThis as unknown as { inspectLatentMap: (e: unknown) => unknown }).inspectLatentMap;
    expect(inspect(element)).toBe(inspection);
    expect(inspect({})).toBeUndefined();
    expect(inspect(null)).toBeUndefined();
  });
});
