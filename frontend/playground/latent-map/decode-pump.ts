/** How a pump sends requests and hands on what comes back. */
export interface DecodePumpOptions<Q, A> {
  /** Sends one request (e.g. an HTTP GET); the promise settles with its answer or its failure. */
  send(request: Q): Promise<A>;
  /** Whether an answer is still wanted when it arrives (e.g. the map still shows the model it was asked of). */
  current?(request: Q): boolean;
  /**
   * An answer to show: never one older than an answer already shown. `moves` are the time stamps of the measured
   * moves it is the first answer for (its own and those of older requests whose answers it overtook).
   */
  answered(request: Q, answer: A, moves: number[]): void;
  failed(error: unknown): void;
  /** At most this many requests out at once (default 1). */
  maxInFlight?: number;
}

/**
 * Keeps at most N decode requests in flight and only the latest wish waiting: a newer request replaces the one
 * that waits (latest wins), so a fast drag never builds a queue and what is shown follows the pointer. Answers that
 * arrive after a newer one was shown, or that are no longer current, are dropped.
 */
export class DecodePump<Q, A> {
  private readonly maxInFlight: number;
  private waitingRequest: Q | null = null;
  private waitingMoves: number[] = [];
  private out = 0;
  private lastSent = 0;
  private lastShown = 0;
  /** The measured moves of each request sent, by its number, until an answer to it or a newer one is shown. */
  private readonly unanswered = new Map<number, number[]>();

  constructor(private readonly options: DecodePumpOptions<Q, A>) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  }

  /** Asks for a request; `moveTime` (the pointer or key event's time stamp) if its latency is to be measured. */
  request(request: Q, moveTime?: number) {
    this.waitingRequest = request;
    if (moveTime !== undefined) {
      this.waitingMoves.push(moveTime);
    }
    this.pump();
  }

  /** Whether a request waits to be sent (a newer wish than every answer still to come). */
  get waiting(): boolean {
    return this.waitingRequest !== null;
  }

  /** How many requests are out. */
  get inFlight(): number {
    return this.out;
  }

  private pump() {
    while (this.waitingRequest !== null && this.out < this.maxInFlight) {
      const request = this.waitingRequest;
      const number = ++this.lastSent;
      this.unanswered.set(number, this.waitingMoves);
      this.waitingRequest = null;
      this.waitingMoves = [];
      this.out++;
      this.run(number, request);
    }
  }

  private async run(number: number, request: Q) {
    try {
      const answer = await this.options.send(request);
      this.deliver(number, request, answer);
    } catch (e) {
      this.unanswered.delete(number);
      this.options.failed(e);
    } finally {
      this.out--;
      this.pump();
    }
  }

  private deliver(number: number, request: Q, answer: A) {
    if (number < this.lastShown) {
      return; // overtaken: a newer answer is shown, and its moves were counted with it
    }
    if (this.options.current && !this.options.current(request)) {
      this.unanswered.delete(number);
      return;
    }
    const moves: number[] = [];
    for (const [sent, times] of this.unanswered) {
      if (sent > number) {
        break;
      }
      moves.push(...times);
      this.unanswered.delete(sent);
    }
    this.lastShown = number;
    this.options.answered(request, answer, moves);
  }
}
