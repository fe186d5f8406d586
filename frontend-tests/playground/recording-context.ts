/** One thing done to a context: a method called (its name and arguments) or a property set (`fillStyle=`). */
export type Call = [string, ...unknown[]];

/**
 * A stand-in for a canvas's 2-D context that records every call and property set, in order; text is 6 px per
 * character wide. Its image data is plain arrays, as a real canvas's would be.
 */
export function recordingContext(width = 960, height = 960) {
  const calls: Call[] = [];
  const state: Record<string | symbol, unknown> = {};
  const own: Record<string, unknown> = {
    canvas: { width, height },
    measureText: (text: string) => {
      calls.push(['measureText', text]);
      return { width: text.length * 6 };
    },
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
  };
  const context = new Proxy(own, {
    get: (target, name) => {
      if (typeof name === 'string' && name in target) {
        return target[name];
      }
      if (name in state) {
        return state[name];
      }
      return (...args: unknown[]) => {
        calls.push([String(name), ...args]);
      };
    },
    set: (_target, name, value) => {
      state[name] = value;
      calls.push([`${String(name)}=`, value]);
      return true;
    },
  });
  return { context: context as unknown as CanvasRenderingContext2D, calls };
}

/** The filled circles of a given radius, as [fill colour, x, y], in the order they were filled. */
export function filledCircles(calls: Call[], radius: number): [string, number, number][] {
  const circles: [string, number, number][] = [];
  let fillStyle = '';
  let path: [number, number][] = [];
  for (const [name, ...args] of calls) {
    if (name === 'fillStyle=') {
      fillStyle = args[0] as string;
    } else if (name === 'beginPath') {
      path = [];
    } else if (name === 'arc' && args[2] === radius) {
      path.push([args[0] as number, args[1] as number]);
    } else if (name === 'fill') {
      circles.push(...path.map(([x, y]): [string, number, number] => [fillStyle, x, y]));
    }
  }
  return circles;
}

/** The texts drawn, in order. */
export function texts(calls: Call[]): string[] {
  return calls.filter(([name]) => name === 'fillText').map(([, text]) => text as string);
}

/** The rings drawn (a circle stroked twice: outer colour, then inner), as [radius, outer, inner, x, y]. */
export function rings(calls: Call[]): [number, string, string, number, number][] {
  const found: [number, string, string, number, number][] = [];
  let strokeStyle = '';
  let arc: unknown[] | null = null;
  let outer: string | null = null;
  for (const [name, ...args] of calls) {
    if (name === 'strokeStyle=') {
      strokeStyle = args[0] as string;
    } else if (name === 'beginPath') {
      arc = null;
      outer = null;
    } else if (name === 'arc') {
      arc = args;
    } else if (name === 'stroke' && arc) {
      if (outer === null) {
        outer = strokeStyle;
      } else {
        found.push([arc[2] as number, outer, strokeStyle, arc[0] as number, arc[1] as number]);
        arc = null;
      }
    }
  }
  return found;
}
