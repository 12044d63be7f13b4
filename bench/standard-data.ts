// The standard benchmark data of ../shared/BENCHMARKS.md, built from the real S&P 500 file:
// (b) one symbol of N bars made of shifted, rescaled copies; (c) k symbols on one shared calendar, symbol i
// walking the real rows from row 510 x i, wrapping and rescaling at the end.
import { allocateBarColumns, makeBarTable } from "../src/data/bar-table.js";
import type { BarColumns } from "../src/core/types.js";
import type * as arrow from "apache-arrow";

const DAY = 86_400_000;
const SHIFT_DAYS = 7413; // 1059 weeks: weekdays are kept

/** One symbol of `n` bars: copy k shifts dates by k x 7413 days and scales prices by f_k (see BENCHMARKS.md). */
export function longSeries(real: BarColumns, n: number, symbol = "SPXx"): arrow.Table {
  const rows = real.close.length;
  const growth = real.close[rows - 1]! / real.open[0]!;
  const c = allocateBarColumns(n);
  let f = 1;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / rows), r = i % rows;
    if (r === 0 && k > 0) f *= growth;
    const shift = k * SHIFT_DAYS * DAY;
    c.tsOpen[i] = real.tsOpen[r]! + shift;
    c.tsClose[i] = real.tsClose[r]! + shift;
    c.open[i] = real.open[r]! * f;
    c.high[i] = real.high[r]! * f;
    c.low[i] = real.low[r]! * f;
    c.close[i] = real.close[r]! * f;
    c.volume[i] = real.volume[r]!;
  }
  return makeBarTable(c, { symbol, timeZone: "America/New_York", interval: "1d" }, { validate: false });
}

/** `symbols` tables of `n` bars on the calendar of longSeries; symbol i starts at real row 510 x i. */
export function sharedCalendar(real: BarColumns, symbols: number, n: number): arrow.Table[] {
  const calendar = longSeries(real, n);
  const times = { tsOpen: calendar.getChild("tsOpen")!.toArray() as Float64Array, tsClose: calendar.getChild("tsClose")!.toArray() as Float64Array };
  const rows = real.close.length;
  const growth = real.close[rows - 1]! / real.open[0]!;
  const tables: arrow.Table[] = [];
  for (let s = 0; s < symbols; s++) {
    const c = allocateBarColumns(n);
    c.tsOpen.set(times.tsOpen);
    c.tsClose.set(times.tsClose);
    let f = 1;
    for (let i = 0; i < n; i++) {
      const r = (510 * s + i) % rows;
      if (r === 0 && i > 0) f *= growth;
      c.open[i] = real.open[r]! * f;
      c.high[i] = real.high[r]! * f;
      c.low[i] = real.low[r]! * f;
      c.close[i] = real.close[r]! * f;
      c.volume[i] = real.volume[r]!;
    }
    tables.push(makeBarTable(c, { symbol: `S${s}`, timeZone: "America/New_York", interval: "1d" }, { validate: false }));
  }
  return tables;
}

/**
 * The floor: a plain loop over the closes computing the same SMA(fast)/SMA(slow) crossover decisions
 * (enter long when fast crosses above slow, exit when it crosses below), counting entries.
 */
export function plainLoopEntries(close: Float64Array, fast = 10, slow = 30): number {
  let sumF = 0, sumS = 0, side = 0, inPosition = false, entries = 0;
  for (let i = 0; i < close.length; i++) {
    const x = close[i]!;
    sumF += x;
    sumS += x;
    if (i >= fast) sumF -= close[i - fast]!;
    if (i >= slow) sumS -= close[i - slow]!;
    if (i < slow - 1) continue;
    const d = sumF / fast - sumS / slow;
    const s = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (s === 0) continue;
    if (side !== 0 && s !== side) {
      if (s > 0 && !inPosition) { inPosition = true; entries++; }
      else if (s < 0 && inPosition) inPosition = false;
    }
    side = s;
  }
  return entries;
}
