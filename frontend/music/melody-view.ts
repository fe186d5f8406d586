import { LitElement, html, css, PropertyValues } from 'lit';
import abcjs from 'abcjs';
import * as Tone from 'tone';

/** One note as the server describes it: MIDI pitch, first step and length in sixteenth steps. */
interface MelodyNote {
  pitch: number;
  start: number;
  length: number;
}

/**
 * A melody three ways: as notation (rendered by abcjs from ABC the server writes), as a piano roll, and as sound
 * (Tone.js, in the browser, at an adjustable tempo). Playing highlights the current step on the roll. The melody is
 * a fixed number of sixteenth-note steps (32 = two bars of 4/4).
 */
export class MelodyView extends LitElement {
  static properties = {
    abc: { type: String },
    notes: { type: Array },
    steps: { type: Number },
    tempo: { type: Number },
    playText: { type: String, attribute: 'play-text' },
    stopText: { type: String, attribute: 'stop-text' },
    tempoText: { type: String, attribute: 'tempo-text' },
    rollText: { type: String, attribute: 'roll-text' },
    playing: { state: true },
  };

  declare abc: string;
  declare notes: MelodyNote[];
  declare steps: number;
  declare tempo: number;
  declare playText: string;
  declare stopText: string;
  declare tempoText: string;
  declare rollText: string;
  declare playing: boolean;

  /** Steps played so far in the current playback, for tests. */
  playedSteps = 0;

  private synth?: Tone.Synth;
  private phrase?: Tone.Part;
  private stepLoop?: Tone.Loop;
  private currentStep = -1;

  static styles = css`
    :host { display: block; }
    .score { background: #fff; border-radius: 6px; min-height: 80px; direction: ltr; }
    canvas { width: 100%; max-width: 640px; height: 160px; display: block; background: #fbfbfd;
      border: 1px solid var(--lumo-contrast-10pct, #e5e5e5); border-radius: 6px; }
    .controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; direction: ltr; }
    button { font: inherit; font-size: var(--lumo-font-size-s, 14px); padding: 4px 14px; border-radius: 6px;
      border: 1px solid var(--lumo-primary-color, #1676f3); background: var(--lumo-primary-color, #1676f3);
      color: #fff; cursor: pointer; min-width: 6em; }
    label { font-size: var(--lumo-font-size-s, 14px); color: var(--lumo-secondary-text-color, #555);
      display: flex; align-items: center; gap: 6px; }
  `;

  constructor() {
    super();
    this.abc = '';
    this.notes = [];
    this.steps = 32;
    this.tempo = 100;
    this.playText = 'Play';
    this.stopText = 'Stop';
    this.tempoText = 'Tempo';
    this.rollText = '';
    this.playing = false;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  render() {
    return html`
      <div class="score"></div>
      <div class="controls">
        <button @click=${() => (this.playing ? this.stop() : this.play())}>
          ${this.playing ? this.stopText : this.playText}</button>
        <label>${this.tempoText}
          <input type="range" min="50" max="200" step="5" .value=${String(this.tempo)}
              aria-valuetext="${this.tempo} bpm"
              @input=${(e: Event) => this.setTempo(Number((e.target as HTMLInputElement).value))}>
          <span>${this.tempo} bpm</span></label>
      </div>
      <canvas width="640" height="160" role="img" aria-label=${this.rollText}></canvas>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('abc')) {
      const target = this.renderRoot.querySelector('.score') as HTMLElement | null;
      if (target) {
        abcjs.renderAbc(target, this.abc || 'X:1\nK:C\nz8|', { responsive: 'resize', add_classes: true });
      }
    }
    if (changed.has('notes') || changed.has('steps')) {
      if (this.playing) {
        this.stop();
      }
      this.drawRoll();
    }
  }

  private setTempo(bpm: number) {
    this.tempo = bpm;
    Tone.getTransport().bpm.value = bpm;
  }

  async play() {
    await Tone.start();
    this.stop();
    const transport = Tone.getTransport();
    transport.bpm.value = this.tempo;
    this.synth = new Tone.Synth({ oscillator: { type: 'triangle' },
      envelope: { attack: 0.01, decay: 0.1, sustain: 0.5, release: 0.2 } }).toDestination();
    const phrase = new Tone.Part((time: number, value: unknown) => {
      const note = value as MelodyNote;
      this.synth?.triggerAttackRelease(Tone.Frequency(note.pitch, 'midi').toFrequency(),
        Tone.Time('16n').toSeconds() * note.length, time);
    });
    this.phrase = phrase;
    // Note times in bars:quarters:sixteenths of the transport, so that they follow the tempo.
    for (const note of this.notes) {
      phrase.add(`0:0:${note.start}`, note);
    }
    phrase.start(0);
    this.playedSteps = 0;
    this.currentStep = -1;
    this.stepLoop = new Tone.Loop((time) => {
      Tone.getDraw().schedule(() => {
        this.currentStep += 1;
        this.playedSteps += 1;
        if (this.currentStep >= this.steps) {
          this.stop();
          return;
        }
        this.drawRoll();
      }, time);
    }, '16n').start(0);
    this.playing = true;
    transport.position = 0;
    transport.start();
  }

  stop() {
    const transport = Tone.getTransport();
    transport.stop();
    transport.cancel();
    this.phrase?.dispose();
    this.stepLoop?.dispose();
    this.synth?.dispose();
    this.phrase = undefined;
    this.stepLoop = undefined;
    this.synth = undefined;
    this.currentStep = -1;
    this.playing = false;
    this.drawRoll();
  }

  private drawRoll() {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) {
      return;
    }
    const context = canvas.getContext('2d')!;
    const width = canvas.width;
    const height = canvas.height;
    context.clearRect(0, 0, width, height);
    const pitches = this.notes.map((n) => n.pitch);
    const low = Math.min(60, ...pitches) - 1;
    const high = Math.max(72, ...pitches) + 1;
    const rows = high - low + 1;
    const stepWidth = width / this.steps;
    const rowHeight = height / rows;
    for (let pitch = low; pitch <= high; pitch++) {
      const black = [1, 3, 6, 8, 10].includes(pitch % 12);
      context.fillStyle = black ? '#eef0f4' : '#fbfbfd';
      context.fillRect(0, (high - pitch) * rowHeight, width, rowHeight);
    }
    for (let step = 0; step <= this.steps; step++) {
      context.strokeStyle = step % 16 === 0 ? '#9aa3b2' : step % 4 === 0 ? '#cfd5de' : '#e8ebf0';
      context.beginPath();
      context.moveTo(step * stepWidth, 0);
      context.lineTo(step * stepWidth, height);
      context.stroke();
    }
    if (this.currentStep >= 0) {
      context.fillStyle = 'rgba(255, 196, 0, 0.35)';
      context.fillRect(this.currentStep * stepWidth, 0, stepWidth, height);
    }
    for (const note of this.notes) {
      const sounding = this.currentStep >= note.start && this.currentStep < note.start + note.length;
      context.fillStyle = sounding ? '#d55e00' : '#0072b2';
      context.fillRect(note.start * stepWidth + 1, (high - note.pitch) * rowHeight + 1,
        note.length * stepWidth - 2, Math.max(2, rowHeight - 2));
    }
  }
}

customElements.define('melody-view', MelodyView);
