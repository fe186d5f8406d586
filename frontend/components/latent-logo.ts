import { LitElement, css, html, svg } from 'lit';

/**
 * Latent Lab's logo: an autoencoder drawn as layers of units. Six inputs narrow to a two-unit latent code and
 * widen again to six outputs; the latent units pulse gently. Pure SVG, so it stays sharp at any size and needs
 * no image file.
 */
export class LatentLogo extends LitElement {
  static properties = {
    size: { type: Number },
  };

  declare size: number;

  static styles = css`
    :host {
      display: inline-block;
      line-height: 0;
    }
    svg {
      overflow: visible;
    }
    .edge {
      stroke: var(--lumo-contrast-30pct, #c0c6cf);
      stroke-width: 1.2;
    }
    .unit {
      fill: var(--lumo-primary-color, #1676f3);
    }
    .latent {
      fill: var(--ll-latent-color, #e8590c);
      transform-box: fill-box;
      transform-origin: center;
      animation: pulse 2.4s ease-in-out infinite;
    }
    .latent.second {
      animation-delay: 1.2s;
    }
    @keyframes pulse {
      0%, 100% { transform: scale(1); }
      50% { transform: scale(1.35); }
    }
    @media (prefers-reduced-motion: reduce) {
      .latent { animation: none; }
    }
  `;

  constructor() {
    super();
    this.size = 40;
  }

  /** y positions of n units spread over the height, centred. */
  private column(n: number, spread: number): number[] {
    const step = n > 1 ? spread / (n - 1) : 0;
    return Array.from({ length: n }, (_, i) => 50 - spread / 2 + i * step);
  }

  render() {
    const layers = [
      { x: 8, ys: this.column(6, 84) },
      { x: 30, ys: this.column(4, 52) },
      { x: 50, ys: this.column(2, 18) },
      { x: 70, ys: this.column(4, 52) },
      { x: 92, ys: this.column(6, 84) },
    ];
    const edges = [];
    for (let l = 0; l + 1 < layers.length; l++) {
      for (const y1 of layers[l].ys) {
        for (const y2 of layers[l + 1].ys) {
          edges.push(svg`<line class="edge" x1=${layers[l].x} y1=${y1} x2=${layers[l + 1].x} y2=${y2}></line>`);
        }
      }
    }
    const units = layers.flatMap((layer, l) =>
      layer.ys.map((y, i) =>
        l === 2
          ? svg`<circle class=${i === 0 ? 'latent' : 'latent second'} cx=${layer.x} cy=${y} r="6"></circle>`
          : svg`<circle class="unit" cx=${layer.x} cy=${y} r="4.2"></circle>`,
      ),
    );
    return html`<svg
      width=${this.size}
      height=${this.size}
      viewBox="0 0 100 100"
      role="img"
      aria-label="Latent Lab"
    >
      ${edges}${units}
    </svg>`;
  }
}

customElements.define('latent-logo', LatentLogo);
