/**
 * The start of a move since a swing, tracked bar by bar for order blocks: on the side below a swing
 * high (sign 1) the lowest low since the swing (ties move it to the later bar) and the last bearish
 * candle (close < open) from that low on; on the side above a swing low (sign -1) the highest high
 * and the last bullish candle. O(1) per bar.
 * @example
 * const origin = new MoveOrigin(1, false);
 * origin.start(swingHigh.index);
 * origin.add(i, bar.tsClose, bar.open, bar.high, bar.low, bar.close);
 */
export class MoveOrigin {
  /** 1 below a swing high (looks for bearish candles), -1 above a swing low. */
  readonly sign: 1 | -1;
  /** Zone from the candle's body instead of its wicks. */
  readonly body: boolean;
  /** Row of the swing tracked, -1 when none. */
  swingIndex = -1;
  /** Whether an opposite candle lies between the move's extreme and the last bar added. */
  found = false;
  candleIndex = -1;
  candleTs = 0;
  candleTop = 0;
  candleBottom = 0;
  private extreme = 0;

  constructor(sign: 1 | -1, body: boolean) {
    this.sign = sign;
    this.body = body;
  }

  /** Starts tracking the bars after the swing at row `swingIndex`. */
  start(swingIndex: number): void {
    this.swingIndex = swingIndex;
    this.extreme = this.sign * Infinity;
    this.found = false;
  }

  /** Stops tracking (the swing was broken or replaced by none). */
  stop(): void {
    this.swingIndex = -1;
    this.found = false;
  }

  /** Takes the next bar after the swing. */
  add(index: number, ts: number, open: number, high: number, low: number, close: number): void {
    const x = this.sign === 1 ? low : high;
    if ((x - this.extreme) * this.sign <= 0) {
      this.extreme = x;
      this.found = false;
    }
    if ((open - close) * this.sign > 0) {
      this.found = true;
      this.candleIndex = index;
      this.candleTs = ts;
      this.candleTop = this.body ? Math.max(open, close) : high;
      this.candleBottom = this.body ? Math.min(open, close) : low;
    }
  }
}
