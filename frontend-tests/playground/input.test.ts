import { describe, expect, it } from 'vitest';
import { Drag, type KeyPress, keyCommand } from '../../frontend/playground/latent-map/input';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress =>
  ({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, repeat: false, ...more });

describe('map keyboard', () => {
  it('moves the crosshair 12 screen pixels per arrow key at any zoom, 60 with Shift', () => {
    expect(keyCommand(press('ArrowRight'), 40, true)).toEqual({ kind: 'move', dx: 0.3, dy: 0 });
    expect(keyCommand(press('ArrowLeft'), 40, true)).toEqual({ kind: 'move', dx: -0.3, dy: 0 });
    expect(keyCommand(press('ArrowUp'), 40, true)).toEqual({ kind: 'move', dx: 0, dy: 0.3 });
    expect(keyCommand(press('ArrowDown', { shiftKey: true }), 40, true)).toEqual({ kind: 'move', dx: 0, dy: -1.5 });
  });

  it('neither moves nor goes home when the map does not decode, but still picks and zooms', () => {
    expect(keyCommand(press('ArrowRight'), 40, false)).toBeNull();
    expect(keyCommand(press('Home'), 40, false)).toBeNull();
    expect(keyCommand(press('Enter'), 40, false)).toEqual({ kind: 'pick' });
    expect(keyCommand(press('+'), 40, false)).toEqual({ kind: 'zoom', factor: 1.5 });
  });

  it('picks with Enter or Space, once per press', () => {
    expect(keyCommand(press('Enter'), 1, true)).toEqual({ kind: 'pick' });
    expect(keyCommand(press(' '), 1, true)).toEqual({ kind: 'pick' });
    expect(keyCommand(press(' ', { repeat: true }), 1, true)).toBeNull();
  });

  it('goes home with Home and zooms with +, = and -', () => {
    expect(keyCommand(press('Home'), 1, true)).toEqual({ kind: 'home' });
    expect(keyCommand(press('='), 1, true)).toEqual({ kind: 'zoom', factor: 1.5 });
    expect(keyCommand(press('-'), 1, true)).toEqual({ kind: 'zoom', factor: 1 / 1.5 });
  });

  it('leaves other keys and the browser\'s shortcuts alone', () => {
    expect(keyCommand(press('Tab'), 1, true)).toBeNull();
    expect(keyCommand(press('a'), 1, true)).toBeNull();
    expect(keyCommand(press('ArrowLeft', { altKey: true }), 1, true)).toBeNull();
    expect(keyCommand(press('+', { ctrlKey: true }), 1, true)).toBeNull();
    expect(keyCommand(press('Enter', { metaKey: true }), 1, true)).toBeNull();
  });
});

describe('map drag', () => {
  it('is a click while it moves no more than 4 pixels', () => {
    const drag = new Drag({ sx: 10, sy: 10 }, false, 1);
    expect(drag.moveTo({ sx: 13, sy: 12 })).toBeNull();
    expect(drag.isClick).toBe(true);
    drag.moveTo({ sx: 15, sy: 14 });
    expect(drag.isClick).toBe(false);
  });

  it('pans by each move\'s distance from the last when panning, and is never a click', () => {
    const drag = new Drag({ sx: 10, sy: 10 }, true, 1);
    expect(drag.isClick).toBe(false);
    expect(drag.moveTo({ sx: 12, sy: 7 })).toEqual({ sx: 2, sy: -3 });
    expect(drag.moveTo({ sx: 20, sy: 7 })).toEqual({ sx: 8, sy: 0 });
  });
});
