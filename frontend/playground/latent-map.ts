import { LitElement, html, css, PropertyValues } from 'lit';
import { type DecodeRequest, type DecodedDigit, fetchDigit, fetchMap } from './latent-map/api';
import { DecodePump } from './latent-map/decode-pump';
import { Drag, keyCommand } from './latent-map/input';
import { DecodeRecord, allowInspection } from './latent-map/inspection';
import { DIGIT_COLOURS, paintDigit, paintMap } from './latent-map/painter';
import type { MapData, MapHighlight, MapLabels, MapMarker, MapPath, Point, ScreenPoint } from './latent-map/types';
import {
  type View, fitted, following, middle, nearestPoint, onSquare, panned, resized, toScreen, toWorld, zoomed,
} from './latent-map/viewport';

/**
 * The latent map: the held-out digits' codes as a scatter (coloured by digit, with a legend that hides and shows
 * digits, zoom with the wheel or buttons, pan by dragging in pan mode or with Shift), and a live decoder: moving the
 * pointer over the map (or dragging, also by touch, or the arrow keys) decodes that point on the server and paints
 * the digit beside the map.
 *
 * This element wires the parts in latent-map/ to the page: the view's maths (viewport), the keyboard and drags
 * (input), the decode requests (decode-pump: one request out at a time and only the latest pointer position
 * waiting, so a fast drag never builds a queue; a second request overlapping the first was measured slower on two
 * cores), the drawing (painter) and the record that tests and bench/playground-latency read (inspection). Where the
 * browser offers `pointerrawupdate`, moves are handled as they arrive rather than at the next animation frame. The
 * scatter is drawn on its own canvas once per change of view or data; a move only moves the crosshair, an element
 * above the canvas.
 *
 * A click fires `latent-picked` (detail: x, y on the map) and, on a dot, `point-selected` (detail: point, index,
 * label); `map-loaded` (detail: points) when a model's map has loaded, `decode-painted` (detail: count of the moves
 * answered) in the frame after a decoded digit was painted. The plot is always left-to-right.
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
  declare highlight: MapHighlight | null;
  declare selectedPoint: number;
  declare decoding: boolean;
  declare status: string;
  declare panMode: boolean;
  declare hiddenDigits: Set<number>;

  private data?: MapData;
  private view: View = { cx: 0, cy: 0, scale: 1, size: 480 };
  /** The point under the crosshair, in map coordinates. */
  private probe: Point | null = null;
  private readonly decoder = new DecodePump<DecodeRequest, DecodedDigit>({
    send: (request) => fetchDigit(request, this.labels.failed),
    current: (request) => request.model === this.model,
    answered: (request, digit, moves) => this.showDigit(request, digit, moves),
    failed: (error) => {
      this.status = (error as Error).message || this.labels.failed;
    },
  });
  private readonly record = new DecodeRecord();
  /** Set by the first pointerrawupdate: from then on moves are decoded from those, not from pointermove. */
  private rawUpdates = false;
  private drawQueued = false;
  /** The scatter, axes and lines need drawing again (view, data, lines or legend changed). */
  private layerDirty = true;
  /** Where the map's drawing area starts inside the plot (measured on resize), for the crosshair. */
  private origin = { x: 0, y: 0 };
  private rect?: DOMRect;
  private drag: Drag | null = null;
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
    // What tests and bench/playground-latency read of this map: live views of its state, kept off its properties.
    const map = this;
    allowInspection(this, {
      get decodedCount() {
        return map.record.decodedCount;
      },
      get latencies() {
        return map.record.latencies;
      },
      get points() {
        return map.data ?? null;
      },
      get probe() {
        return map.probe;
      },
      toScreen: (x, y) => toScreen(map.view, x, y),
    });
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
      const data = await fetchMap(model, this.labels.failed);
      if (this.model !== model) {
        return;
      }
      this.data = data;
      this.status = '';
      this.resetView();
      this.dispatchEvent(new CustomEvent('map-loaded', { detail: { points: data.x.length } }));
      if (this.decoding) {
        const centre = middle(data.bounds);
        this.requestDecode(centre.x, centre.y);
      }
    } catch (e) {
      this.status = (e as Error).message || this.labels.failed;
    }
  }

  /** Fits the whole data set (with a margin) into the square. */
  private resetView() {
    if (!this.data) {
      return;
    }
    this.setView(fitted(this.data.bounds, this.view.size));
  }

  private zoom(factor: number, around?: ScreenPoint) {
    this.setView(zoomed(this.view, factor, around));
  }

  private setView(view: View) {
    this.view = view;
    this.scheduleFullDraw();
  }

  private fit() {
    const canvas = this.mapCanvas;
    if (!canvas) {
      return;
    }
    const css = canvas.getBoundingClientRect().width || 480;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(css * ratio);
    canvas.height = Math.round(css * ratio);
    // Pointer positions are measured from the canvas's border box (getBoundingClientRect), so is the crosshair.
    this.origin = { x: canvas.offsetLeft, y: canvas.offsetTop };
    this.setView(resized(this.view, css));
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

  private local(e: { clientX: number; clientY: number }): ScreenPoint {
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
    this.drag = new Drag(at, panning, e.pointerId);
    if (!panning && this.decoding) {
      this.decodeAt(at, e.timeStamp);
    }
  };

  /** Moves as they arrive (not aligned to animation frames): only decoding, the rest stays with pointermove. */
  private onRawUpdate = (e: PointerEvent) => {
    this.rawUpdates = true;
    if (this.decoding
      && (this.drag ? !this.drag.panning && this.drag.pointerId === e.pointerId : e.pointerType === 'mouse')) {
      this.decodeAt(this.local(e), e.timeStamp);
    }
  };

  private onPointerMove = (e: PointerEvent) => {
    const at = this.local(e);
    if (this.drag && this.drag.pointerId === e.pointerId) {
      const pan = this.drag.moveTo(at);
      if (pan) {
        this.setView(panned(this.view, pan.sx, pan.sy));
        return;
      }
    }
    if (this.decoding && !this.rawUpdates && (this.drag || e.pointerType === 'mouse')) {
      this.decodeAt(at, e.timeStamp);
    }
  };

  private onPointerUp = (e: PointerEvent) => {
    const drag = this.drag;
    this.drag = null;
    if (drag?.isClick && e.type !== 'pointercancel') {
      this.pick(this.local(e));
    }
  };

  /** A click (or Enter) at a screen position: the point there, and the test digit's dot there if there is one. */
  private pick(at: ScreenPoint) {
    if (!this.data) {
      return;
    }
    const world = toWorld(this.view, at.sx, at.sy);
    this.dispatchEvent(new CustomEvent('latent-picked', { detail: { x: world.x, y: world.y } }));
    const nearest = nearestPoint(this.view, this.data, this.hiddenDigits, at.sx, at.sy, 10);
    if (nearest >= 0) {
      this.selectedPoint = nearest;
      this.dispatchEvent(new CustomEvent('point-selected', {
        detail: { point: nearest, index: this.data.digitIndices[nearest], label: this.data.labels[nearest] },
      }));
    }
  }

  private onKey = (e: KeyboardEvent) => {
    if (!this.data) {
      return;
    }
    const command = keyCommand(e, this.view.scale, this.decoding);
    if (!command) {
      return;
    }
    e.preventDefault();
    const probe = this.probe ?? toWorld(this.view, this.view.size / 2, this.view.size / 2);
    switch (command.kind) {
      case 'move': {
        const next = { x: probe.x + command.dx, y: probe.y + command.dy };
        const view = following(this.view, next);
        if (view !== this.view) {
          this.setView(view);
        }
        this.speakNextDecode = true;
        this.requestDecode(next.x, next.y, performance.now());
        break;
      }
      case 'pick':
        this.pick(toScreen(this.view, probe.x, probe.y));
        break;
      case 'home': {
        const centre = middle(this.data.bounds);
        this.resetView();
        this.speakNextDecode = true;
        this.requestDecode(centre.x, centre.y, performance.now());
        break;
      }
      case 'zoom':
        this.zoom(command.factor, this.probe ? toScreen(this.view, this.probe.x, this.probe.y) : undefined);
        break;
    }
  };

  private toggleDigit(digit: number) {
    const next = new Set(this.hiddenDigits);
    if (next.has(digit)) {
      next.delete(digit);
    } else {
      next.add(digit);
    }
    this.hiddenDigits = next;
  }

  /** Decodes the map point at a screen position for a pointer move made at `moveTime`. */
  private decodeAt(at: ScreenPoint, moveTime: number) {
    const world = toWorld(this.view, at.sx, at.sy);
    this.requestDecode(world.x, world.y, moveTime);
  }

  /** Puts the crosshair at (x, y) and asks for the digit there; `moveTime` if the move's latency is measured. */
  private requestDecode(x: number, y: number, moveTime?: number) {
    this.probe = { x, y };
    this.placeProbe();
    if (this.model) {
      this.decoder.request({ model: this.model, x, y }, moveTime);
    }
  }

  private showDigit(point: Point, digit: DecodedDigit, moves: number[]) {
    const canvas = this.digitCanvas;
    if (canvas) {
      paintDigit(canvas.getContext('2d')!, digit.grey);
    }
    const caption = `(${point.x.toFixed(2)}, ${point.y.toFixed(2)})`
      + `${digit.clamped ? ' · ' + (this.labels.clamped || '') : ''}`;
    this.showCaption(caption);
    if (this.speakNextDecode && !this.decoder.waiting) {
      this.speakNextDecode = false;
      const spoken = this.renderRoot.querySelector('.spoken');
      if (spoken) {
        spoken.textContent = `${this.labels.decoded || ''} ${caption}`;
      }
    }
    if (this.status) {
      this.status = '';
    }
    this.record.decodedCount++;
    // The frame after this one is the first to show the new digit.
    requestAnimationFrame(() => setTimeout(() => {
      this.record.painted(moves, performance.now());
      this.dispatchEvent(new CustomEvent('decode-painted', { detail: { count: moves.length } }));
    }, 0));
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
      paintMap(canvas.getContext('2d')!, {
        view: this.view,
        ratio: canvas.width / this.view.size,
        points: this.data,
        hiddenDigits: this.hiddenDigits,
        selectedPoint: this.selectedPoint,
        paths: this.paths,
        highlight: this.highlight,
        marker: this.marker,
        axisX: this.labels.axisX || '',
        axisY: this.labels.axisY || '',
      });
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
    const p = this.probe && this.decoding ? toScreen(this.view, this.probe.x, this.probe.y) : null;
    const inside = p !== null && onSquare(this.view, p);
    if (mark.hidden === inside) {
      mark.hidden = !inside;
    }
    if (inside) {
      mark.style.transform = `translate(${this.origin.x + p.sx}px, ${this.origin.y + p.sy}px)`;
    }
  }
}

customElements.define('latent-map', LatentMap);
