import { LitElement, html, css } from 'lit';

/** The resolution the drawing is sent at: enough detail for the server's MNIST-style preprocessing, 12 KB. */
const SENT_SIDE = 112;

/** How far one arrow key moves the keyboard pen, in canvas pixels (Shift: four times as far). */
const PEN_STEP = 10;

/**
 * A square canvas to draw a digit on with a mouse, a pen or a finger: white ink on black, as MNIST stores digits.
 * When a stroke ends it fires `digit-drawn` with the drawing as {@link SENT_SIDE} x {@link SENT_SIDE} grey bytes
 * (base64), which the server centres and scales like MNIST. `clear()` empties it and fires `drawing-cleared`.
 *
 * With the keyboard (the pad is one tab stop, its help text says how): the arrow keys move a pen shown as a ring,
 * Space puts it down (the ring fills) and lifts it again, and moving it while it is down draws; lifting it ends the
 * stroke like releasing the mouse. Enter lifts the pen too, Delete or Backspace clears the pad.
 */
export class DrawPad extends LitElement {
  static properties = {
    label: { type: String },
    clearText: { type: String, attribute: 'clear-text' },
    keyboardHelp: { type: String, attribute: 'keyboard-help' },
    brush: { type: Number },
  };

  declare label: string;
  declare clearText: string;
  declare keyboardHelp: string;
  declare brush: number;

  /** The keyboard pen, in canvas pixels. */
  private pen = { x: 140, y: 110, down: false };

  private drawing = false;
  private last: { x: number; y: number } | null = null;
  private inked = false;

  static styles = css`
    :host { display: inline-flex; flex-direction: column; gap: 6px; align-items: flex-start; max-width: 100%; }
    .pad { position: relative; line-height: 0; direction: ltr; }
    canvas { width: 280px; height: 280px; max-width: 80vw; max-height: 80vw; background: #000; border-radius: 8px;
      touch-action: none; cursor: crosshair; border: 1px solid var(--lumo-contrast-30pct, #999); }
    canvas:focus-visible { outline: 3px solid var(--lumo-primary-color, #1676f3); outline-offset: 2px; }
    /* The keyboard pen: a ring while lifted, a filled ring while it draws; shown while the pad has keyboard focus. */
    .pen { position: absolute; left: 0; top: 0; width: 18px; height: 18px; margin: -10px 0 0 -10px;
      border-radius: 50%; border: 2px solid var(--ll-latent-color, #e8590c); pointer-events: none; display: none; }
    .pen.down { background: rgba(232, 89, 12, 0.45); }
    canvas:focus-visible + .pen { display: block; }
    .help { font-size: var(--lumo-font-size-xs, 12px); color: var(--lumo-secondary-text-color, #555);
      max-width: 280px; line-height: 1.4; }
    button { font: inherit; font-size: var(--lumo-font-size-s, 14px); padding: 4px 12px; border-radius: 6px;
      border: 1px solid var(--lumo-contrast-20pct, #ccc); background: var(--lumo-contrast-5pct, #f5f5f5);
      color: var(--lumo-body-text-color, #222); cursor: pointer; }
  `;

  constructor() {
    super();
    this.label = '';
    this.clearText = '';
    this.brush = 22;
  }

  render() {
    return html`
      <div class="pad">
        <canvas width="280" height="280" role="application" tabindex="0" aria-label=${this.label}
            aria-describedby="keyboard-help"
            @pointerdown=${this.down} @pointermove=${this.move} @pointerup=${this.up}
            @pointercancel=${this.up} @keydown=${this.onKey} @blur=${this.liftPen}></canvas>
        <div class="pen" aria-hidden="true"></div>
      </div>
      <div class="help" id="keyboard-help">${this.keyboardHelp}</div>
      <button part="clear" @click=${() => this.clear()}>${this.clearText}</button>`;
  }

  firstUpdated() {
    this.blank();
    this.placePen();
  }

  private onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    const step = e.shiftKey ? PEN_STEP * 4 : PEN_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step],
    };
    if (moves[e.key]) {
      e.preventDefault();
      const from = { x: this.pen.x, y: this.pen.y };
      const margin = this.brush / 2;
      this.pen.x = Math.min(Math.max(this.pen.x + moves[e.key][0], margin), this.canvas.width - margin);
      this.pen.y = Math.min(Math.max(this.pen.y + moves[e.key][1], margin), this.canvas.height - margin);
      if (this.pen.down) {
        this.stroke(from, this.pen);
      }
      this.placePen();
    } else if (e.key === ' ' && !e.repeat) {
      e.preventDefault();
      if (this.pen.down) {
        this.liftPen();
      } else {
        this.pen.down = true;
        this.stroke(this.pen, this.pen);
        this.placePen();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.liftPen();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.pen.down = false;
      this.placePen();
      this.clear();
    }
  };

  /** Ends a keyboard stroke: the drawing is read, as when the mouse is released. */
  private liftPen = () => {
    const wasDown = this.pen.down;
    this.pen.down = false;
    this.placePen();
    if (wasDown && this.inked) {
      this.send();
    }
  };

  private placePen() {
    const mark = this.renderRoot.querySelector('.pen') as HTMLElement | null;
    if (!mark) {
      return;
    }
    // In CSS pixels of the canvas as shown (it may be drawn smaller than its 280 pixels on a phone).
    const shown = this.canvas.clientWidth / this.canvas.width || 1;
    mark.style.transform = `translate(${this.canvas.clientLeft + this.pen.x * shown}px, `
      + `${this.canvas.clientTop + this.pen.y * shown}px)`;
    mark.classList.toggle('down', this.pen.down);
  }

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas')!;
  }

  private blank() {
    const context = this.canvas.getContext('2d')!;
    context.fillStyle = '#000';
    context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.inked = false;
  }

  clear() {
    this.blank();
    this.dispatchEvent(new CustomEvent('drawing-cleared'));
  }

  private point(e: PointerEvent) {
    const rect = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - rect.left) * (this.canvas.width / rect.width),
      y: (e.clientY - rect.top) * (this.canvas.height / rect.height) };
  }

  private down = (e: PointerEvent) => {
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.drawing = true;
    this.last = this.point(e);
    this.stroke(this.last, this.last);
  };

  private move = (e: PointerEvent) => {
    if (!this.drawing) {
      return;
    }
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [e];
    for (const each of events.length ? events : [e]) {
      const next = this.point(each);
      this.stroke(this.last ?? next, next);
      this.last = next;
    }
  };

  private up = () => {
    if (!this.drawing) {
      return;
    }
    this.drawing = false;
    this.last = null;
    if (this.inked) {
      this.send();
    }
  };

  private stroke(from: { x: number; y: number }, to: { x: number; y: number }) {
    const context = this.canvas.getContext('2d')!;
    context.strokeStyle = '#fff';
    context.lineWidth = this.brush;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x + 0.01, to.y);
    context.stroke();
    this.inked = true;
  }

  /** Draws a stroke through the given points (in 0..1 of the pad) and sends the drawing: for tests and demos. */
  drawStroke(points: number[][]) {
    const scaled = points.map(([x, y]) => ({ x: x * this.canvas.width, y: y * this.canvas.height }));
    for (let i = 0; i < scaled.length; i++) {
      this.stroke(scaled[Math.max(0, i - 1)], scaled[i]);
    }
    this.send();
  }

  private send() {
    const small = document.createElement('canvas');
    small.width = SENT_SIDE;
    small.height = SENT_SIDE;
    const context = small.getContext('2d')!;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(this.canvas, 0, 0, SENT_SIDE, SENT_SIDE);
    const rgba = context.getImageData(0, 0, SENT_SIDE, SENT_SIDE).data;
    const grey = new Uint8Array(SENT_SIDE * SENT_SIDE);
    for (let i = 0; i < grey.length; i++) {
      grey[i] = rgba[i * 4];
    }
    let binary = '';
    for (let i = 0; i < grey.length; i++) {
      binary += String.fromCharCode(grey[i]);
    }
    this.dispatchEvent(new CustomEvent('digit-drawn', { detail: { side: SENT_SIDE, pixels: btoa(binary) } }));
  }
}

customElements.define('draw-pad', DrawPad);
