import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchMap, problemMessage } from '../../frontend/playground/latent-map/api';

describe('playground api', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('loads a model\'s map from the page\'s own origin, with its cookies', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ model: 'run:5', x: [1], y: [2] })));
    vi.stubGlobal('fetch', fetch);
    expect(await fetchMap('run:5', 'failed')).toEqual({ model: 'run:5', x: [1], y: [2] });
    expect(fetch).toHaveBeenCalledWith('api/playground/map?model=run%3A5', { credentials: 'same-origin' });
  });

  it('fails with the API\'s message, else the given one, else the HTTP status', async () => {
    const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status });
    expect(await problemMessage(json({ message: 'No such model' }, 404), 'failed')).toBe('No such model');
    expect(await problemMessage(json({ error: 'x' }, 500), 'Could not load the map')).toBe('Could not load the map');
    expect(await problemMessage(new Response('<html>', { status: 502 }), '')).toBe('HTTP 502');
    vi.stubGlobal('fetch', async () => json({ message: 'Too many requests' }, 429));
    await expect(fetchMap('shipped:vae-2d', 'failed')).rejects.toThrow('Too many requests');
  });
});
