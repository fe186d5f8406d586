import { LitElement, html, css, PropertyValues } from 'lit';

/** What the server sends for a model's map (see MapData.java). */
interface MapData {
  model: string;
  latentSize: number;
  projected: boolean;
  explained: number;
  x: number[];
  y: number[];
  labels: number[];
  digitIndices: number[];
  bounds: number[];
  limits: number[];
}

/** A line drawn over the map, e.g. an interpolation path. */
interface MapPath {
  points: number[][];
  color: string;
  label: string;
}

interface MapMarker {
  x: number;
  y: number;
  label: string;
}

/** Texts in the page's language, set by the server. */
interface MapLabels {
  legend: string;
  all: string;
  decoded: string;
  zoomIn: string;
  zoomOut: string;
  resetView: string;
  pan: string;
  loading: string;
  failed: string;
  clamped: string;
  axisX: string;
  axisY: string;
  help: string;
  mapName: string;
}

/** Ten colours that stay apart for common colour-vision deficiencies (Tableau 10). */
const DIGIT_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
  '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#1f1f1f'];

const SIDE = 28;

/**
 * The latent map: the held-out digits' codes as a scatter (coloured by digit, with a legend that hides and shows
 * digits, zoom with the wheel or buttons, pan by dragging in pan mode or with Shift), and a live decoder: moving the
 * pointer over the map (or dragging, also by touch, or the arrow keys) decodes that point on the server and paints
 * the digit beside the map.
 *
 * Decoding is coalesced: one request is out at a time and only the latest pointer position waits, so a fast drag
 * never builds a queue (a second request overlapping the first was measured slower on two cores). Where the browser offers `pointerrawupdate`, moves are handled as they arrive rather than at the
 * next animation frame. The scatter is drawn on its own canvas once per change of view or data; a move redraws only
 * the crosshair on a transparent canvas above it. Every pointer move's latency (from the event's time stamp to the
 * frame that shows an answer for it or a later move) is kept in {@link latencies} for the benchmark.
 *
 * A click fires `latent-picked` (detail: x, y on the map) and, on a dot, `point-selected` (detail: point, index,
 * label). The plot is always left-to-right.
 *
 * With the keyboard: the map is one tab stop; the arrow keys move the crosshair (Shift: five times as far), the view
 * follows it to the edge, Enter or Space picks the point under it as a click would, Home brings it back to the
 * middle, + and − zoom. What the crosshair decodes is announced politely to screen readers.
 */
export class LatentMap extends LitElement {
  static properties = {
    model: { type: String },
    labels: { type: Object },
    paths: { type: Array },
    marker: { type: Object },
    highlight: { type: Object },
    selectedPoint: { type: Number, attribute: 'selected-point' },
    decoding: { type: Boolean },
    status: { state: true },
    panMode: { state: true },
    hiddenDigits: { state: true },
  };

  declare model: string;
  declare labels: MapLabels;
  declare paths: MapPath[];
  declare marker: MapMarker | null;
  declare highlight: { path: number; step: number } | null;
  declare selectedPoint: number;
  declare decoding: boolean;
  declare status: string;
  declare panMode: boolean;
  declare hiddenDigits: Set<number>;

  /** Milliseconds from each pointer move to the painted answer; read by bench/playground-latency. */
  latencies: number[] = [];
  /** Decode requests answered, for tests. */
  decodedCount = 0;

  private data?: MapData;
  private view = { cx: 0, cy: 0, scale: 1 };
  private size = 480;
  private probe: { x: number; y: number } | null = null;
  private pending: { x: number; y: number } | null = null;
  private moveTimes: number[] = [];
  private inFlight = false;
  /** Set by the first pointerrawupdate: from then on moves are decoded from those, not from pointermove. */
  private rawUpdates = false;
  private drawQueued = false;
  /** The scatter, axes and lines need drawing again (view, data, lines or legend changed). */
  private layerDirty = true;
  /** Where the map's drawing area starts inside the plot (measured on resize), for the crosshair. */
  private origin = { x: 0, y: 0 };
  private rect?: DOMRect;
  private drag: { x: number; y: number; moved: boolean; panning: boolean; id: number } | null = null;
  /** The crosshair was moved by a key: say what it decodes (a pointer's moves are not read out). */
  private speakNextDecode = false;
  private resizer?: ResizeObserver;
  private loadedModel = '';

  static styles = css`
    :host { display: block; }
    /* The plot and its tools read left to right on every page; the texts follow the page. */
    .plot canvas, .tools, .legend, .caption { direction: ltr; }
    /* The crosshair is a composited layer moved by a transform: a move repaints nothing but itself. */
    .probe { position: absolute; left: 0; top: 0; width: 19px; height: 19px; margin: -9.5px 0 0 -9.5px;
      pointer-events: none; will-change: transform;
      background: linear-gradient(#000, #000) center / 1.5px 100% no-repeat,
        linear-gradient(#000, #000) center / 100% 1.5px no-repeat;
      /* A light halo keeps it visible over the dark dots too. */
      filter: drop-shadow(0 0 1px #fff) drop-shadow(0 0 1px #fff); }
    canvas.map:focus-visible ~ .probe { width: 27px; height: 27px; margin: -13.5px 0 0 -13.5px; }
    /* A drag over the map is never a text selection: no selection work on every move. */
    .plot { user-select: none; -webkit-user-select: none; }
    .layout { display: flex; flex-wrap: wrap; gap: var(--lumo-space-m, 1rem); align-items: flex-start; }
    .plot { position: relative; flex: 1 1 320px; max-width: 640px; min-width: 260px; }
    canvas.map { display: block; width: 100%; aspect-ratio: 1; border-radius: 8px;
      background: var(--lumo-base-color, #fff); border: 1px solid var(--lumo-contrast-20pct, #ccc);
      touch-action: none; cursor: crosshair; }
    canvas.map.pan { cursor: grab; }
    canvas.map:focus-visible { outline: 3px solid var(--lumo-primary-color, #1676f3); outline-offset: 2px; }
    .tools { display: flex; gap: 4px; margin-top: 6px; flex-wrap: wrap; }
    button { font: inherit; font-size: var(--lumo-font-size-s, 14px); padding: 4px 10px; border-radius: 6px;
      border: 1px solid var(--lumo-contrast-20pct, #ccc); background: var(--lumo-contrast-5pct, #f5f5f5);
      color: var(--lumo-body-text-color, #222); cursor: pointer; }
    button[aria-pressed='true'] { background: var(--lumo-primary-color-10pct, #e3efff);
      border-color: var(--lumo-primary-color, #1676f3); }
    button.off { opacity: 0.45; text-decoration: line-through; }
    [hidden] { display: none !important; }
    .side { display: flex; flex-direction: column; gap: 8px; align-items: center; min-width: 180px; }
    canvas.digit { width: 168px; height: 168px; image-rendering: pixelated; background: #000; border-radius: 6px; }
    /* Its text changes with every decoded digit: a fixed box keeps that from laying out the page again. */
    .caption { font-size: var(--lumo-font-size-s, 14px); color: var(--lumo-secondary-text-color, #555);
      text-align: center; width: 100%; height: 2.8em; contain: strict; font-variant-numeric: tabular-nums; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px; max-width: 240px; justify-content: center; }
    .legend button { display: inline-flex; align-items: center; gap: 4px; padding: 2px 8px; }
    .swatch { width: 10px; height: 10px; border-radius: 50%; display: inline-block; }
    .status { font-size: var(--lumo-font-size-s, 14px); color: var(--lumo-error-text-color, #b00); min-height: 1.4em; }
    .help { font-size: var(--lumo-font-size-xs, 12px); color: var(--lumo-secondary-text-color, #555); }
    /* Read by screen readers only. */
    .spoken { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  constructor() {
    super();
    this.model = '';
    this.labels = {} as MapLabels;
    this.paths = [];
    this.marker = null;
    this.highlight = null;
    this.selectedPoint = -1;
    this.decoding = true;
    this.status = '';
    this.panMode = false;
    this.hiddenDigits = new Set();
  }

  connectedCallback() {
    super.connectedCallback();
    this.updateComplete.then(() => {
      const plot = this.renderRoot.querySelector('.plot');
      if (plot && !this.resizer) {
        this.resizer = new ResizeObserver(() => this.fit());
        this.resizer.observe(plot);
      }
      this.fit();
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.resizer = undefined;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('model') && this.model && this.model !== this.loadedModel) {
      this.load();
    }
    if (changed.has('paths') || changed.has('marker') || changed.has('highlight') || changed.has('selectedPoint')
      || changed.has('hiddenDigits')) {
      this.scheduleFullDraw();
    }
  }

  render() {
    const l = this.labels;
    const legend = DIGIT_COLOURS.map((colour, digit) => html`
      <button class=${this.hiddenDigits.has(digit) ? 'off' : ''} aria-pressed=${!this.hiddenDigits.has(digit)}
          @click=${() => this.toggleDigit(digit)}>
        <span class="swatch" style="background:${colour}"></span>${digit}</button>`);
    return html`
      <div class="layout">
        <div class="plot">
          <canvas class="map ${this.panMode ? 'pan' : ''}" tabindex="0" role="application"
              aria-label=${l.mapName || ''} aria-describedby="map-help"
              @pointerenter=${this.onPointerEnter} @pointerleave=${this.onPointerLeave}
              @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove}
              @pointerup=${this.onPointerUp} @pointercancel=${this.onPointerUp}
              @keydown=${this.onKey}></canvas>
          <div class="probe" aria-hidden="true" hidden></div>
          <div class="tools">
            <button @click=${() => this.zoom(1.5)} title=${l.zoomIn || ''} aria-label=${l.zoomIn || ''}>+</button>
            <button @click=${() => this.zoom(1 / 1.5)} title=${l.zoomOut || ''}
                aria-label=${l.zoomOut || ''}>−</button>
            <button @click=${() => this.resetView()}>${l.resetView || ''}</button>
            <button aria-pressed=${this.panMode} @click=${() => { this.panMode = !this.panMode; }}>${l.pan || ''}</button>
          </div>
          <div class="help" id="map-help">${l.help || ''}</div>
          <div class="spoken" aria-live="polite"></div>
        </div>
        <div class="side">
          <canvas class="digit" width="28" height="28" role="img" aria-label=${l.decoded || ''}
              ?hidden=${!this.decoding}></canvas>
          <div class="caption" ?hidden=${!this.decoding}></div>
          <div class="legend" role="group" aria-label=${l.legend || ''}>
            ${legend}
            <button @click=${() => { this.hiddenDigits = new Set(); }}>${l.all || ''}</button>
          </div>
          <div class="status" role="status">${this.status}</div>
        </div>
      </div>`;
  }

  private get mapCanvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas.map');
  }

  private get probeMark(): HTMLElement | null {
    return this.renderRoot.querySelector('.probe');
  }

  private get digitCanvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas.digit');
  }

  private async load() {
    const model = this.model;
    this.loadedModel = model;
    this.status = this.labels.loading || '';
    try {
      const response = await fetch(`api/playground/map?model=${encodeURIComponent(model)}`,
        { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(await this.problem(response));
      }
      const data = (await response.json()) as MapData;
      if (this.model !== model) {
        return;
      }
      this.data = data;
      this.status = '';
      this.resetView();
      this.dispatchEvent(new CustomEvent('map-loaded', { detail: { points: data.x.length } }));
      if (this.decoding) {
        const [x0, x1, y0, y1] = data.bounds;
        this.requestDecode((x0 + x1) / 2, (y0 + y1) / 2, false);
      }
    } catch (e) {
      this.status = (e as Error).message || this.labels.failed;
    }
  }

  private async problem(response: Response): Promise<string> {
    try {
      const body = await response.json();
      if (body && typeof body.message === 'string') {
        return body.message;
      }
    } catch (ignored) {
      // not JSON: fall through to the generic message
    }
    return this.labels.failed || `HTTP ${response.status}`;
  }

  /** Fits the whole data set (with a margin) into the square. */
  resetView() {
    if (!this.data) {
      return;
    }
    const [x0, x1, y0, y1] = this.data.bounds;
    const span = Math.max(x1 - x0, y1 - y0, 1e-6) * 1.12;
    this.view = { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, scale: this.size / span };
    this.scheduleFullDraw();
  }

  zoom(factor: number, around?: { sx: number; sy: number }) {
    const centre = around ?? { sx: this.size / 2, sy: this.size / 2 };
    const before = this.toWorld(centre.sx, centre.sy);
    this.view.scale = Math.min(Math.max(this.view.scale * factor, 1e-3), 1e6);
    const after = this.toWorld(centre.sx, centre.sy);
    this.view.cx += before.x - after.x;
    this.view.cy += before.y - after.y;
    this.scheduleFullDraw();
  }

  private fit() {
    const canvas = this.mapCanvas;
    if (!canvas) {
      return;
    }
    const css = canvas.getBoundingClientRect().width || 480;
    const ratio = window.devicePixelRatio || 1;
    const previous = this.size;
    this.size = css;
    canvas.width = Math.round(css * ratio);
    canvas.height = Math.round(css * ratio);
    // Pointer positions are measured from the canvas's border box (getBoundingClientRect), so is the crosshair.
    this.origin = { x: canvas.offsetLeft, y: canvas.offsetTop };
    if (previous > 0 && previous !== css) {
      this.view.scale *= css / previous;
    }
    this.scheduleFullDraw();
    if (!canvas.dataset.wheel) {
      canvas.dataset.wheel = 'on';
      if ('onpointerrawupdate' in window) {
        canvas.addEventListener('pointerrawupdate', this.onRawUpdate as EventListener);
      }
      canvas.addEventListener('wheel', (e) => {
        e.preventDefault();
        this.rect = canvas.getBoundingClientRect();
        const at = this.local(e);
        this.zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, at);
      }, { passive: false });
    }
  }

  private toScreen(x: number, y: number) {
    return { sx: this.size / 2 + (x - this.view.cx) * this.view.scale,
      sy: this.size / 2 - (y - this.view.cy) * this.view.scale };
  }

  private toWorld(sx: number, sy: number) {
    return { x: this.view.cx + (sx - this.size / 2) / this.view.scale,
      y: this.view.cy - (sy - this.size / 2) / this.view.scale };
  }

  private local(e: { clientX: number; clientY: number }) {
    // Measured once per gesture (pointer enter or down), not per move: a layout read per move costs a reflow.
    const rect = this.rect ?? this.mapCanvas!.getBoundingClientRect();
    return { sx: e.clientX - rect.left, sy: e.clientY - rect.top };
  }

  private onPointerEnter = () => {
    this.rect = this.mapCanvas!.getBoundingClientRect();
  };

  private onPointerLeave = () => {
    this.rect = undefined;
  };

  private onPointerDown = (e: PointerEvent) => {
    const canvas = this.mapCanvas!;
    this.rect = canvas.getBoundingClientRect();
    canvas.setPointerCapture(e.pointerId);
    const at = this.local(e);
    const panning = this.panMode || e.shiftKey || e.button === 1;
    this.drag = { x: at.sx, y: at.sy, moved: false, panning, id: e.pointerId };
    if (!panning && this.decoding) {
      const world = this.toWorld(at.sx, at.sy);
      this.requestDecode(world.x, world.y, true, e.timeStamp);
    }
  };

  /** Moves as they arrive (not aligned to animation frames): only decoding, the rest stays with pointermove. */
  private onRawUpdate = (e: PointerEvent) => {
    this.rawUpdates = true;
    if (this.decoding && (this.drag ? !this.drag.panning && this.drag.id === e.pointerId : e.pointerType === 'mouse')) {
      const at = this.local(e);
      const world = this.toWorld(at.sx, at.sy);
      this.requestDecode(world.x, world.y, true, e.timeStamp);
    }
  };

  private onPointerMove = (e: PointerEvent) => {
    const at = this.local(e);
    if (this.drag && this.drag.id === e.pointerId) {
      if (Math.hypot(at.sx - this.drag.x, at.sy - this.drag.y) > 4) {
        this.drag.moved = true;
      }
      if (this.drag.panning) {
        this.view.cx -= (at.sx - this.drag.x) / this.view.scale;
        this.view.cy += (at.sy - this.drag.y) / this.view.scale;
        this.drag.x = at.sx;
        this.drag.y = at.sy;
        this.scheduleFullDraw();
        return;
      }
    }
    if (this.decoding && !this.rawUpdates && (this.drag || e.pointerType === 'mouse')) {
      const world = this.toWorld(at.sx, at.sy);
      this.requestDecode(world.x, world.y, true, e.timeStamp);
    }
  };

  private onPointerUp = (e: PointerEvent) => {
    const drag = this.drag;
    this.drag = null;
    if (!drag || drag.panning || drag.moved || e.type === 'pointercancel') {
      return;
    }
    const at = this.local(e);
    this.pick(at.sx, at.sy);
  };

  /** A click (or Enter) at a screen position: the point there, and the test digit's dot there if there is one. */
  private pick(sx: number, sy: number) {
    if (!this.data) {
      return;
    }
    const world = this.toWorld(sx, sy);
    this.dispatchEvent(new CustomEvent('latent-picked', { detail: { x: world.x, y: world.y } }));
    const nearest = this.nearestPoint(sx, sy, 10);
    if (nearest >= 0) {
      this.selectedPoint = nearest;
      this.dispatchEvent(new CustomEvent('point-selected', {
        detail: { point: nearest, index: this.data.digitIndices[nearest], label: this.data.labels[nearest] },
      }));
    }
  }

  private onKey = (e: KeyboardEvent) => {
    if (!this.data || e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    const step = (e.shiftKey ? 60 : 12) / this.view.scale;
    const probe = this.probe ?? this.toWorld(this.size / 2, this.size / 2);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step],
    };
    if (moves[e.key] && this.decoding) {
      e.preventDefault();
      const next = { x: probe.x + moves[e.key][0], y: probe.y + moves[e.key][1] };
      this.follow(next);
      this.speakNextDecode = true;
      this.requestDecode(next.x, next.y, true);
    } else if ((e.key === 'Enter' || e.key === ' ') && !e.repeat) {
      e.preventDefault();
      const at = this.toScreen(probe.x, probe.y);
      this.pick(at.sx, at.sy);
    } else if (e.key === 'Home' && this.decoding) {
      e.preventDefault();
      const [x0, x1, y0, y1] = this.data.bounds;
      this.resetView();
      this.speakNextDecode = true;
      this.requestDecode((x0 + x1) / 2, (y0 + y1) / 2, true);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      this.zoom(1.5, this.probe ? this.toScreen(this.probe.x, this.probe.y) : undefined);
    } else if (e.key === '-') {
      e.preventDefault();
      this.zoom(1 / 1.5, this.probe ? this.toScreen(this.probe.x, this.probe.y) : undefined);
    }
  };

  /** Moves the view just enough that a point the keyboard moved the crosshair to stays on the map. */
  private follow(point: { x: number; y: number }) {
    const margin = 12;
    const p = this.toScreen(point.x, point.y);
    let dx = 0;
    let dy = 0;
    if (p.sx < margin) {
      dx = p.sx - margin;
    } else if (p.sx > this.size - margin) {
      dx = p.sx - (this.size - margin);
    }
    if (p.sy < margin) {
      dy = p.sy - margin;
    } else if (p.sy > this.size - margin) {
      dy = p.sy - (this.size - margin);
    }
    if (dx !== 0 || dy !== 0) {
      this.view.cx += dx / this.view.scale;
      this.view.cy -= dy / this.view.scale;
      this.scheduleFullDraw();
    }
  }

  private nearestPoint(sx: number, sy: number, within: number): number {
    if (!this.data) {
      return -1;
    }
    let best = -1;
    let bestDistance = within * within;
    for (let i = 0; i < this.data.x.length; i++) {
      if (this.hiddenDigits.has(this.data.labels[i])) {
        continue;
      }
      const p = this.toScreen(this.data.x[i], this.data.y[i]);
      const d = (p.sx - sx) ** 2 + (p.sy - sy) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  private toggleDigit(digit: number) {
    const next = new Set(this.hiddenDigits);
    if (next.has(digit)) {
      next.delete(digit);
    } else {
      next.add(digit);
    }
    this.hiddenDigits = next;
  }

  /** Asks for the digit at (x, y); only the latest wish waits while a request is out. */
  requestDecode(x: number, y: number, measured: boolean, eventTime?: number) {
    this.probe = { x, y };
    if (measured) {
      this.moveTimes.push(eventTime ?? performance.now());
    }
    this.pending = { x, y };
    this.placeProbe();
    this.pump();
  }

  private async pump() {
    if (this.inFlight || !this.pending || !this.model) {
      return;
    }
    const point = this.pending;
    const covered = this.moveTimes;
    this.pending = null;
    this.moveTimes = [];
    this.inFlight = true;
    const model = this.model;
    try {
      const response = await fetch(`api/playground/decode?model=${encodeURIComponent(model)}`
        + `&x=${point.x.toFixed(5)}&y=${point.y.toFixed(5)}`, { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(await this.problem(response));
      }
      const grey = new Uint8Array(await response.arrayBuffer());
      if (model === this.model) {
        this.paintDigit(grey);
        const clamped = response.headers.get('X-Latent-Clamped') === 'true';
        const caption = `(${point.x.toFixed(2)}, ${point.y.toFixed(2)})${clamped ? ' · ' + (this.labels.clamped || '') : ''}`;
        this.showCaption(caption);
        if (this.speakNextDecode && !this.pending) {
          this.speakNextDecode = false;
          const spoken = this.renderRoot.querySelector('.spoken');
          if (spoken) {
            spoken.textContent = `${this.labels.decoded || ''} ${caption}`;
          }
        }
        if (this.status) {
          this.status = '';
        }
        this.decodedCount++;
        // The frame after this one is the first to show the new digit.
        requestAnimationFrame(() => setTimeout(() => {
          const painted = performance.now();
          for (const t of covered) {
            this.latencies.push(painted - t);
          }
          if (this.latencies.length > 20000) {
            this.latencies.splice(0, this.latencies.length - 20000);
          }
          this.dispatchEvent(new CustomEvent('decode-painted', { detail: { count: covered.length } }));
        }, 0));
      }
    } catch (e) {
      this.status = (e as Error).message || this.labels.failed;
    } finally {
      this.inFlight = false;
      if (this.pending) {
        this.pump();
      }
    }
  }

  /**
   * The caption changes with every decoded digit: written straight into its element (the template leaves it
   * empty), since a Lit update per move would render the whole template again.
   */
  private showCaption(text: string) {
    const element = this.renderRoot.querySelector('.caption');
    if (element) {
      element.textContent = text;
    }
  }

  private paintDigit(grey: Uint8Array) {
    const canvas = this.digitCanvas;
    if (!canvas || grey.length !== SIDE * SIDE) {
      return;
    }
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(SIDE, SIDE);
    for (let i = 0; i < grey.length; i++) {
      image.data[i * 4] = grey[i];
      image.data[i * 4 + 1] = grey[i];
      image.data[i * 4 + 2] = grey[i];
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }

  /** Redraws the scatter layer too (view, data, lines or legend changed). */
  private scheduleFullDraw() {
    this.layerDirty = true;
    this.scheduleDraw();
  }

  private scheduleDraw() {
    if (this.drawQueued) {
      return;
    }
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  private draw() {
    const canvas = this.mapCanvas;
    if (!canvas) {
      return;
    }
    if (this.layerDirty) {
      this.drawLayer(canvas.getContext('2d')!, canvas.width / this.size);
      this.layerDirty = false;
    }
    this.placeProbe();
  }

  /** Moves the crosshair to the probe (hidden when there is none or it is off the map). */
  private placeProbe() {
    const mark = this.probeMark;
    if (!mark) {
      return;
    }
    const p = this.probe && this.decoding ? this.toScreen(this.probe.x, this.probe.y) : null;
    const inside = p !== null && p.sx >= 0 && p.sy >= 0 && p.sx <= this.size && p.sy <= this.size;
    if (mark.hidden === inside) {
      mark.hidden = !inside;
    }
    if (inside) {
      mark.style.transform = `translate(${this.origin.x + p.sx}px, ${this.origin.y + p.sy}px)`;
    }
  }

  private drawLayer(context: CanvasRenderingContext2D, ratio: number) {
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, context.canvas.width, context.canvas.height);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    // Fixed colours: Lumo's custom properties may hold color-mix() expressions a canvas cannot parse.
    const text = '#5a6270';
    const grid = '#e4e7ec';
    this.drawAxes(context, text, grid);
    if (!this.data) {
      return;
    }
    const data = this.data;
    context.globalAlpha = 0.72;
    for (let digit = 0; digit < 10; digit++) {
      if (this.hiddenDigits.has(digit)) {
        continue;
      }
      context.fillStyle = DIGIT_COLOURS[digit];
      context.beginPath();
      for (let i = 0; i < data.x.length; i++) {
        if (data.labels[i] !== digit) {
          continue;
        }
        const p = this.toScreen(data.x[i], data.y[i]);
        if (p.sx < -4 || p.sy < -4 || p.sx > this.size + 4 || p.sy > this.size + 4) {
          continue;
        }
        context.moveTo(p.sx + 2.6, p.sy);
        context.arc(p.sx, p.sy, 2.6, 0, Math.PI * 2);
      }
      context.fill();
    }
    context.globalAlpha = 1;
    if (this.selectedPoint >= 0 && this.selectedPoint < data.x.length) {
      const p = this.toScreen(data.x[this.selectedPoint], data.y[this.selectedPoint]);
      this.ring(context, p.sx, p.sy, 8, '#000', '#fff');
    }
    this.paths.forEach((path, index) => {
      context.strokeStyle = path.color;
      context.fillStyle = path.color;
      context.lineWidth = 2.5;
      context.beginPath();
      path.points.forEach((point, i) => {
        const p = this.toScreen(point[0], point[1]);
        if (i === 0) {
          context.moveTo(p.sx, p.sy);
        } else {
          context.lineTo(p.sx, p.sy);
        }
      });
      context.stroke();
      path.points.forEach((point) => {
        const p = this.toScreen(point[0], point[1]);
        context.beginPath();
        context.arc(p.sx, p.sy, 3.5, 0, Math.PI * 2);
        context.fill();
      });
      if (this.highlight && this.highlight.path === index && path.points[this.highlight.step]) {
        const point = path.points[this.highlight.step];
        const p = this.toScreen(point[0], point[1]);
        this.ring(context, p.sx, p.sy, 9, path.color, '#fff');
      }
    });
    if (this.marker) {
      const p = this.toScreen(this.marker.x, this.marker.y);
      this.ring(context, p.sx, p.sy, 11, '#000', '#ffcc00');
      context.fillStyle = '#000';
      context.font = 'bold 13px sans-serif';
      context.fillText(this.marker.label, p.sx + 14, p.sy - 10);
    }
  }

  private ring(context: CanvasRenderingContext2D, x: number, y: number, radius: number, outer: string,
    inner: string) {
    context.lineWidth = 4;
    context.strokeStyle = outer;
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.stroke();
    context.lineWidth = 2;
    context.strokeStyle = inner;
    context.stroke();
  }

  private drawAxes(context: CanvasRenderingContext2D, text: string, grid: string) {
    const topLeft = this.toWorld(0, 0);
    const bottomRight = this.toWorld(this.size, this.size);
    const step = niceStep((bottomRight.x - topLeft.x) / 6);
    context.strokeStyle = grid;
    context.fillStyle = text;
    context.lineWidth = 1;
    context.font = '11px sans-serif';
    for (let x = Math.ceil(topLeft.x / step) * step; x <= bottomRight.x; x += step) {
      const p = this.toScreen(x, 0);
      context.beginPath();
      context.moveTo(p.sx, 0);
      context.lineTo(p.sx, this.size);
      context.stroke();
      context.fillText(format(x, step), p.sx + 2, this.size - 4);
    }
    for (let y = Math.ceil(bottomRight.y / step) * step; y <= topLeft.y; y += step) {
      const p = this.toScreen(0, y);
      context.beginPath();
      context.moveTo(0, p.sy);
      context.lineTo(this.size, p.sy);
      context.stroke();
      context.fillText(format(y, step), 3, p.sy - 2);
    }
    context.font = '12px sans-serif';
    context.fillText(this.labels.axisX || '', this.size - 8 - context.measureText(this.labels.axisX || '').width, 14);
    context.save();
    context.translate(14, this.size / 2);
    context.rotate(-Math.PI / 2);
    context.fillText(this.labels.axisY || '', 0, 0);
    context.restore();
  }
}

function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
  const scaled = raw / power;
  const nice = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
  return nice * power;
}

function format(value: number, step: number): string {
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return (Math.abs(value) < step / 1000 ? 0 : value).toFixed(digits);
}

customElements.define('latent-map', LatentMap);
