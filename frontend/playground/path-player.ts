import { LitElement, html, css } from 'lit';

/**
 * Plays an interpolation as an animation in the browser: a large image stepping through the path's frames (there
 * and back), with play/pause and a scrubber. When `target` is set (a latent-map), it highlights the current step of
 * path `pathIndex` on the map. Frames are small PNG data URLs the server made once; playing costs no requests.
 */
export class PathPlayer extends LitElement {
  static properties = {
    frames: { type: Array },
    pathIndex: { type: Number, attribute: 'path-index' },
    playText: { type: String, attribute: 'play-text' },
    pauseText: { type: String, attribute: 'pause-text' },
    stepText: { type: String, attribute: 'step-text' },
    frame: { state: true },
    playing: { state: true },
  };

  declare frames: string[];
  declare pathIndex: number;
  declare playText: string;
  declare pauseText: string;
  declare stepText: string;
  declare frame: number;
  declare playing: boolean;
  target: (HTMLElement & { highlight: unknown }) | null = null;

  private timer = 0;
  private direction = 1;

  static styles = css`
    :host { display: inline-flex; flex-direction: column; align-items: center; gap: 6px; }
    img { width: 140px; height: 140px; image-rendering: pixelated; background: #000; border-radius: 6px; }
    .controls { display: flex; gap: 6px; align-items: center; direction: ltr; }
    button { font: inherit; font-size: var(--lumo-font-size-s, 14px); padding: 4px 12px; border-radius: 6px;
      border: 1px solid var(--lumo-contrast-20pct, #ccc); background: var(--lumo-contrast-5pct, #f5f5f5);
      color: var(--lumo-body-text-color, #222); cursor: pointer; min-width: 5em; }
    input { width: 140px; }
  `;

  constructor() {
    super();
    this.frames = [];
    this.pathIndex = 0;
    this.playText = 'Play';
    this.pauseText = 'Pause';
    this.stepText = '';
    this.frame = 0;
    this.playing = false;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('frames')) {
      this.frame = Math.min(this.frame, Math.max(0, this.frames.length - 1));
      this.show();
    }
  }

  render() {
    const count = this.frames.length;
    return html`
      ${count ? html`<img src=${this.frames[this.frame]} alt="${this.stepText} ${this.frame + 1}/${count}">` : ''}
      <div class="controls">
        <button @click=${() => (this.playing ? this.stop() : this.play())} ?disabled=${count < 2}>
          ${this.playing ? this.pauseText : this.playText}</button>
        <input type="range" min="0" max=${Math.max(0, count - 1)} .value=${String(this.frame)}
            aria-label=${this.stepText} @input=${(e: Event) => this.seek(Number((e.target as HTMLInputElement).value))}>
      </div>`;
  }

  play() {
    if (this.frames.length < 2) {
      return;
    }
    this.stop();
    this.playing = true;
    this.timer = window.setInterval(() => {
      let next = this.frame + this.direction;
      if (next >= this.frames.length || next < 0) {
        this.direction = -this.direction;
        next = this.frame + this.direction;
      }
      this.seek(next);
    }, 160);
  }

  stop() {
    window.clearInterval(this.timer);
    this.playing = false;
  }

  private seek(frame: number) {
    this.frame = frame;
    this.show();
  }

  private show() {
    if (this.target) {
      this.target.highlight = { path: this.pathIndex, step: this.frame };
    }
  }
}

customElements.define('path-player', PathPlayer);
