import { LitElement, html } from 'lit';
import uPlot from 'uplot';

/** One line of the chart as the server describes it. */
interface SeriesSpec {
  label: string;
  color: string;
  dash?: boolean;
  points?: boolean;
  width?: number;
}

/** Everything the chart draws: x values (in epochs) and one value column per series, null where it has none. */
interface ChartData {
  x: number[];
  series: SeriesSpec[];
  values: (number | null)[][];
  xLabel: string;
  yLabel: string;
  logScale?: boolean;
}

/**
 * Loss curves drawn with uPlot: batch losses as a thin line, epoch losses with points, several runs side by side
 * when comparing. The server sends the whole (small) data set whenever it changes; redrawing a few hundred points
 * costs well under a millisecond. Rendered in light DOM so uPlot's stylesheet applies; always left-to-right, also
 * on right-to-left pages, because the x axis is time.
 */
export class LossChart extends LitElement {
  static properties = {
    emptyText: { type: String, attribute: 'empty-text' },
  };

  declare emptyText: string;

  private plot?: uPlot;
  private data?: ChartData;
  private resizer?: ResizeObserver;

  constructor() {
    super();
    this.emptyText = '';
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute('dir', 'ltr');
    this.resizer = new ResizeObserver(() => this.fit());
    this.resizer.observe(this);
    // Vaadin may move the element in the DOM while building the page: a move disconnects it (destroying the plot)
    // and connects it again, so draw again whatever data it already has.
    if (this.data && !this.plot) {
      this.updateComplete.then(() => this.build());
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  /** Called by the server with the chart's data as JSON. */
  setData(json: string) {
    const next = JSON.parse(json) as ChartData;
    const sameShape = this.plot && this.data && this.data.series.length === next.series.length
      && this.data.series.every((s, i) => s.label === next.series[i].label)
      && this.data.logScale === next.logScale;
    this.data = next;
    if (sameShape && this.plot) {
      this.plot.setData([next.x, ...next.values] as uPlot.AlignedData);
    } else {
      this.requestUpdate();
      this.updateComplete.then(() => this.build());
    }
    this.toggleAttribute('has-data', next.x.length > 0);
  }

  render() {
    return html`<div class="loss-chart-plot"></div>
      <p class="loss-chart-empty">${this.emptyText}</p>`;
  }

  protected firstUpdated() {
    this.build();
  }

  private build() {
    const host = this.querySelector('.loss-chart-plot') as HTMLElement | null;
    if (!host || !this.data) {
      return;
    }
    this.plot?.destroy();
    const d = this.data;
    const options: uPlot.Options = {
      width: Math.max(200, this.clientWidth || 600),
      height: 280,
      scales: { x: { time: false }, y: d.logScale ? { distr: 3 } : {} },
      axes: [
        { label: d.xLabel, stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' } },
        { label: d.yLabel, stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, size: 64 },
      ],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      series: [
        { label: d.xLabel, value: (_u, v) => (v == null ? '–' : v.toFixed(2)) },
        ...d.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? (s.points ? 2 : 1),
          dash: s.dash ? [6, 4] : undefined,
          spanGaps: true,
          points: { show: s.points ?? false, size: 6, fill: s.color },
          value: (_u: uPlot, v: number | null) => (v == null ? '–' : formatLoss(v)),
        })),
      ],
    };
    this.plot = new uPlot(options, [d.x, ...d.values] as uPlot.AlignedData, host);
  }

  private fit() {
    if (this.plot && this.clientWidth > 0) {
      this.plot.setSize({ width: this.clientWidth, height: 280 });
    }
  }
}

function formatLoss(v: number): string {
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(1) : a >= 1 ? v.toFixed(3) : v.toPrecision(3);
}

customElements.define('loss-chart', LossChart);
