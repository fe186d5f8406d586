import type { MapData, Point } from './types';

/** A point of a model's latent space to decode. */
export interface DecodeRequest extends Point {
  model: string;
}

/** The server's answer: DIGIT_SIDE² grey bytes, and whether it moved the point into the model's limits first. */
export interface DecodedDigit {
  grey: Uint8Array;
  clamped: boolean;
}

/** The model's map: its test digits' codes (GET api/playground/map). `failed` is the message when none is given. */
export async function fetchMap(model: string, failed: string): Promise<MapData> {
  const response = await fetch(`api/playground/map?model=${encodeURIComponent(model)}`,
    { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(await problemMessage(response, failed));
  }
  return (await response.json()) as MapData;
}

/** The digit at a point (GET api/playground/decode). `failed` is the message when the server gives none. */
export async function fetchDigit(request: DecodeRequest, failed: string): Promise<DecodedDigit> {
  const response = await fetch(`api/playground/decode?model=${encodeURIComponent(request.model)}`
    + `&x=${request.x.toFixed(5)}&y=${request.y.toFixed(5)}`, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(await problemMessage(response, failed));
  }
  const grey = new Uint8Array(await response.arrayBuffer());
  return { grey, clamped: response.headers.get('X-Latent-Clamped') === 'true' };
}

/** The message of a refused request: the API's own (JSON `message`), else `failed`, else the HTTP status. */
export async function problemMessage(response: Response, failed: string): Promise<string> {
  try {
    const body = await response.json();
    if (body && typeof body.message === 'string') {
      return body.message;
    }
  } catch (ignored) {
    // not JSON: fall through to the generic message
  }
  return failed || `HTTP ${response.status}`;
}
