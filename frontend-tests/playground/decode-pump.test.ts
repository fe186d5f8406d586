import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DecodeRequest, type DecodedDigit, fetchDigit } from '../../frontend/playground/latent-map/api';
import { DecodePump } from '../../frontend/playground/latent-map/decode-pump';

/**
 * A decode server behind a fake fetch: each answer takes `delay(x)` milliseconds of the fake clock; the digit's
 * first byte says which x it answers.
 */
class FakeServer {
  urls: string[] = [];
  out = 0;
  mostOut = 0;
  failNext = false;

  constructor(private readonly delay: (x: number) => number = () => 20) {}

  fetch = (url: string) => {
    this.urls.push(url);
    const x = Number(new URL(url, 'http://app/').searchParams.get('x'));
    this.out++;
    this.mostOut = Math.max(this.mostOut, this.out);
    const fail = this.failNext;
    this.failNext = false;
    return new Promise<Response>((resolve) => setTimeout(() => {
      this.out--;
      if (fail) {
        resolve(new Response(JSON.stringify({ message: 'Too many requests' }), { status: 429 }));
      } else {
        const grey = new Uint8Array(784).fill(x % 256);
        resolve(new Response(grey, { headers: { 'X-Latent-Clamped': String(x > 100) } }));
      }
    }, this.delay(x)));
  };

  get xs(): number[] {
    return this.urls.map((url) => Number(new URL(url, 'http://app/').searchParams.get('x')));
  }
}

interface Shown {
  x: number;
  model: string;
  clamped: boolean;
  moves: number[];
}

function pumpOn(server: FakeServer, options: { maxInFlight?: number; model?: () => string } = {}) {
  vi.stubGlobal('fetch', server.fetch);
  const shown: Shown[] = [];
  const failures: string[] = [];
  const pump = new DecodePump<DecodeRequest, DecodedDigit>({
    send: (request) => fetchDigit(request, 'Decoding failed'),
    current: options.model ? (request) => request.model === options.model!() : undefined,
    answered: (request, digit, moves) => {
      expect(digit.grey[0]).toBe(Math.floor(request.x) % 256);
      shown.push({ x: request.x, model: request.model, clamped: digit.clamped, moves });
    },
    failed: (error) => failures.push((error as Error).message),
    maxInFlight: options.maxInFlight,
  });
  return { pump, shown, failures };
}

const at = (x: number, model = 'shipped:vae-2d'): DecodeRequest => ({ model, x, y: 0.5 });

describe('decode pump', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends the first wish at once and asks the decode API for that model and point', async () => {
    const server = new FakeServer();
    const { pump, shown } = pumpOn(server);
    pump.request({ model: 'run:12 3', x: 1.234567, y: -0.5 });
    expect(server.urls).toEqual(['api/playground/decode?model=run%3A12%203&x=1.23457&y=-0.50000']);
    expect(pump.inFlight).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(shown).toEqual([{ x: 1.234567, model: 'run:12 3', clamped: false, moves: [] }]);
    expect(pump.inFlight).toBe(0);
  });

  it('keeps one request out and only the latest wish waiting, which goes out when the answer is in', async () => {
    const server = new FakeServer();
    const { pump, shown } = pumpOn(server);
    pump.request(at(1), 100);
    pump.request(at(2), 116);
    pump.request(at(3), 132);
    expect(pump.waiting).toBe(true);
    pump.request(at(4), 148);
    expect(server.xs).toEqual([1]);
    await vi.advanceTimersByTimeAsync(20);
    expect(server.xs).toEqual([1, 4]);
    expect(pump.waiting).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(shown.map((s) => [s.x, s.moves])).toEqual([[1, [100]], [4, [116, 132, 148]]]);
    expect(server.mostOut).toBe(1);
  });

  it('never has more requests out than allowed, however fast the wishes come', async () => {
    for (const maxInFlight of [1, 2, 3]) {
      const server = new FakeServer((x) => 15 + (x % 7) * 5);
      const { pump, shown } = pumpOn(server, { maxInFlight });
      for (let tick = 0; tick < 200; tick++) {
        pump.request(at(tick), tick * 4);
        expect(pump.inFlight).toBeLessThanOrEqual(maxInFlight);
        await vi.advanceTimersByTimeAsync(4);
      }
      await vi.advanceTimersByTimeAsync(1000);
      expect(server.mostOut).toBe(maxInFlight);
      // Far fewer requests than wishes, the last wish among them, and every measured move answered once.
      expect(server.urls.length).toBeLessThan(100);
      expect(server.xs.at(-1)).toBe(199);
      expect(shown.at(-1)!.x).toBe(199);
      expect(shown.flatMap((s) => s.moves)).toEqual(Array.from({ length: 200 }, (_, tick) => tick * 4));
    }
  });

  it('drops an answer that comes after a newer one was shown, which counts its moves', async () => {
    // The first request is slow, the second fast: its answer overtakes the first.
    const server = new FakeServer((x) => (x === 1 ? 50 : 10));
    const { pump, shown } = pumpOn(server, { maxInFlight: 2 });
    pump.request(at(1), 0);
    pump.request(at(2), 5);
    expect(server.xs).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(100);
    expect(shown).toEqual([{ x: 2, model: 'shipped:vae-2d', clamped: false, moves: [0, 5] }]);
  });

  it('shows answers that come in order one after the other', async () => {
    const server = new FakeServer((x) => 10 * x);
    const { pump, shown } = pumpOn(server, { maxInFlight: 2 });
    pump.request(at(1), 0);
    pump.request(at(2), 5);
    await vi.advanceTimersByTimeAsync(100);
    expect(shown.map((s) => [s.x, s.moves])).toEqual([[1, [0]], [2, [5]]]);
  });

  it('drops answers for a model the map no longer shows', async () => {
    const server = new FakeServer();
    let model = 'shipped:vae-2d';
    const { pump, shown } = pumpOn(server, { model: () => model });
    pump.request(at(1, 'shipped:vae-2d'), 0);
    model = 'run:7';
    pump.request(at(2, 'run:7'), 10);
    await vi.advanceTimersByTimeAsync(100);
    expect(server.xs).toEqual([1, 2]);
    expect(shown.map((s) => [s.model, s.x, s.moves])).toEqual([['run:7', 2, [10]]]);
  });

  it('reports a refused request with the server\'s message and goes on with the latest wish', async () => {
    const server = new FakeServer();
    const { pump, shown, failures } = pumpOn(server);
    server.failNext = true;
    pump.request(at(1), 0);
    pump.request(at(2), 16);
    await vi.advanceTimersByTimeAsync(100);
    expect(failures).toEqual(['Too many requests']);
    expect(shown.map((s) => [s.x, s.moves])).toEqual([[2, [16]]]);
    expect(pump.inFlight).toBe(0);
  });

  it('says when the server moved the point into the model\'s limits', async () => {
    const server = new FakeServer();
    const { pump, shown } = pumpOn(server);
    pump.request(at(150));
    await vi.advanceTimersByTimeAsync(20);
    expect(shown[0].clamped).toBe(true);
  });

  it('goes on after a request that could not be sent at all', async () => {
    const failures: string[] = [];
    const answered: number[] = [];
    let calls = 0;
    const pump = new DecodePump<number, number>({
      send: (n) => (calls++ === 0 ? Promise.reject(new Error('offline')) : Promise.resolve(n * 10)),
      answered: (n, answer) => answered.push(answer),
      failed: (error) => failures.push((error as Error).message),
    });
    pump.request(1);
    pump.request(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(failures).toEqual(['offline']);
    expect(answered).toEqual([20]);
  });
});
