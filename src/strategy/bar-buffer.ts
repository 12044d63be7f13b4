import { check } from "../core/check.js";
import type { Bar, BarField } from "../core/types.js";

/**
 * The last `capacity` bars of one symbol, kept in one ring buffer (a Float64Array) per field: pushing
 * a bar is a few array writes, never an allocation, and memory stays bounded however long the run.
 * Reads count back from the newest bar (`ago` 0).
 * @example
 * const buffer = new BarBuffer(30);
 * buffer.push(event.bar);
 * buffer.get("close", 1); // the previous bar's close
 */
export class BarBuffer {
  /** The most bars kept. */
  readonly capacity: number;
  private readonly tsOpen: Float64Array;
  private readonly tsClose: Float64Array;
  private readonly open: Float64Array;
  private readonly high: Float64Array;
  private readonly low: Float64Array;
  private readonly close: Float64Array;
  private readonly volume: Float64Array;
  private head = 0;
  private count = 0;

  constructor(capacity: number) {
    this.capacity = check.positiveInteger("capacity", capacity);
    this.tsOpen = new Float64Array(capacity);
    this.tsClose = new Float64Array(capacity);
    this.open = new Float64Array(capacity);
    this.high = new Float64Array(capacity);
    this.low = new Float64Array(capacity);
    this.close = new Float64Array(capacity);
    this.volume = new Float64Array(capacity);
  }

  /** The number of bars held (at most `capacity`). */
  get length(): number {
    return this.count;
  }

  /** True once `capacity` bars have been pushed. */
  get full(): boolean {
    return this.count === this.capacity;
  }

  /** Adds a bar, dropping the oldest when full. */
  push(bar: Bar): void {
    const i = this.head;
    this.tsOpen[i] = bar.tsOpen;
    this.tsClose[i] = bar.tsClose;
    this.open[i] = bar.open;
    this.high[i] = bar.high;
    this.low[i] = bar.low;
    this.close[i] = bar.close;
    this.volume[i] = bar.volume;
    this.head = i + 1 === this.capacity ? 0 : i + 1;
    if (this.count < this.capacity) this.count++;
  }

  /** Returns a field of the bar `ago` bars back (0 = newest), or undefined beyond what is held. */
  get(field: BarField, ago = 0): number | undefined {
    if (!(ago >= 0 && ago < this.count)) return undefined;
    let i = this.head - 1 - ago;
    if (i < 0) i += this.capacity;
    return this[field][i];
  }

  /** Returns a field of every bar held, oldest first, as a new array. */
  values(field: BarField): Float64Array {
    const out = new Float64Array(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.get(field, this.count - 1 - k)!;
    return out;
  }

  /** Returns the bars held as plain objects, oldest first. */
  toBars(symbol: string): Bar[] {
    const out: Bar[] = [];
    for (let ago = this.count - 1; ago >= 0; ago--) {
      out.push({
        symbol, tsOpen: this.get("tsOpen", ago)!, tsClose: this.get("tsClose", ago)!, open: this.get("open", ago)!,
        high: this.get("high", ago)!, low: this.get("low", ago)!, close: this.get("close", ago)!, volume: this.get("volume", ago)!,
      });
    }
    return out;
  }

  /** Drops every bar. */
  clear(): void {
    this.head = 0;
    this.count = 0;
  }
}
