import type { ScreenPoint } from './types';

/** What a key press does on the map. */
export type KeyCommand =
  /** Move the crosshair by (dx, dy) in map coordinates and decode there. */
  | { kind: 'move'; dx: number; dy: number }
  /** Pick the point under the crosshair, as a click there would. */
  | { kind: 'pick' }
  /** Show the whole map again and decode its middle. */
  | { kind: 'home' }
  /** Zoom by a factor around the crosshair. */
  | { kind: 'zoom'; factor: number };

export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'repeat'>;

/** How far an arrow key moves the crosshair, in screen pixels (with Shift: five times as far). */
const KEY_STEP = 12;

/**
 * The map's keyboard: the arrow keys move the crosshair (while it decodes), Enter or Space picks, Home goes back to
 * the whole map, + (or =) and − zoom; null for every other key and for shortcuts with Alt, Ctrl or Meta, which
 * stay the browser's. `scale` is the view's pixels per map unit (a step is the same on screen at every zoom).
 */
export function keyCommand(e: KeyPress, scale: number, decoding: boolean): KeyCommand | null {
  if (e.altKey || e.ctrlKey || e.metaKey) {
    return null;
  }
  const step = ((e.shiftKey ? 5 : 1) * KEY_STEP) / scale;
  switch (e.key) {
    case 'ArrowLeft':
      return decoding ? { kind: 'move', dx: -step, dy: 0 } : null;
    case 'ArrowRight':
      return decoding ? { kind: 'move', dx: step, dy: 0 } : null;
    case 'ArrowUp':
      return decoding ? { kind: 'move', dx: 0, dy: step } : null;
    case 'ArrowDown':
      return decoding ? { kind: 'move', dx: 0, dy: -step } : null;
    case 'Enter':
    case ' ':
      return e.repeat ? null : { kind: 'pick' };
    case 'Home':
      return decoding ? { kind: 'home' } : null;
    case '+':
    case '=':
      return { kind: 'zoom', factor: 1.5 };
    case '-':
      return { kind: 'zoom', factor: 1 / 1.5 };
    default:
      return null;
  }
}

/** How far (screen pixels) a press may move and still be a click. */
const CLICK_SLOP = 4;

/** A pointer pressed on the map, until it is released: it pans the map (pan mode, Shift, middle button) or decodes. */
export class Drag {
  /** It went further than a click may. */
  moved = false;

  constructor(private at: ScreenPoint, readonly panning: boolean, readonly pointerId: number) {}

  /** This drag's pointer moved to `to`: how far to pan the map for it (a panning drag), else null. */
  moveTo(to: ScreenPoint): ScreenPoint | null {
    if (Math.hypot(to.sx - this.at.sx, to.sy - this.at.sy) > CLICK_SLOP) {
      this.moved = true;
    }
    if (!this.panning) {
      return null;
    }
    const by = { sx: to.sx - this.at.sx, sy: to.sy - this.at.sy };
    this.at = to;
    return by;
  }

  /** Whether releasing it now is a click: it neither panned nor moved. */
  get isClick(): boolean {
    return !this.panning && !this.moved;
  }
}
