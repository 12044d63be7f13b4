import type * as arrow from "apache-arrow";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";

/** One hand bar for the liquidity tests: [high, low, close]; the open is the previous close, clamped to the range. */
export type LiquidityRow = readonly [high: number, low: number, close: number];

export const HOUR_MS = 3_600_000;
export const LIQUIDITY_T0 = Date.UTC(2024, 0, 2);

/** Returns hourly bars (UTC zone) from the rows: bar i opens at T0 + i hours. */
export function liquidityBars(rows: readonly LiquidityRow[], timeZone = "UTC"): arrow.Table {
  const c = allocateBarColumns(rows.length);
  let previous = rows[0]?.[2] ?? 0;
  rows.forEach(([h, l, cl], i) => {
    c.tsOpen[i] = LIQUIDITY_T0 + i * HOUR_MS;
    c.tsClose[i] = LIQUIDITY_T0 + (i + 1) * HOUR_MS;
    c.open[i] = Math.min(h, Math.max(l, previous));
    c.high[i] = h;
    c.low[i] = l;
    c.close[i] = cl;
    c.volume[i] = 1;
    previous = cl;
  });
  return makeBarTable(c, { symbol: "LIQ", timeZone, interval: "1h" });
}

/** Rows of a random walk on a coarse price grid (so ties and near-equal swings are common). */
export function gridRows(steps: readonly number[], wicks: readonly number[]): LiquidityRow[] {
  let price = 100;
  return steps.map((s, i) => {
    const open = price;
    price = Math.max(1, Math.round((price + s) * 10) / 10);
    const w = wicks[i % wicks.length] ?? 0;
    return [Math.max(open, price) + w, Math.max(0.5, Math.min(open, price) - (wicks[(i + 1) % wicks.length] ?? 0)), price] as const;
  });
}

/** The rows of an Arrow table as plain objects. */
export const tableRows = (table: arrow.Table): Record<string, unknown>[] => table.toArray().map((r) => ({ ...r.toJSON() }));

// Swing length 2. Swing highs: row 2 (15) and row 6 (14.99), confirmed at rows 4 and 8; swing low: row 4 (9).
export const HAND: readonly LiquidityRow[] = [
  [10, 8, 9], [11, 9, 10], [15, 13, 14], [12, 10, 11], [11, 9, 10], [13, 11, 12], [14.99, 13, 14], [12, 10, 11],
  [11, 9.5, 10], [10.5, 9.8, 10], [15.05, 10, 14.9], [15.2, 14, 15.1], [15.1, 9.4, 9.6], [10, 8.5, 8.7], [9, 8.6, 8.8],
];

/** Confirmed swings by the definition (strictly beyond `length` bars each side), in confirmation order, highs first. */
export function swingOracle(rows: readonly LiquidityRow[], length: number): { kind: "swing-high" | "swing-low"; index: number; price: number }[] {
  const out: { kind: "swing-high" | "swing-low"; index: number; price: number }[] = [];
  for (let i = length; i + length < rows.length; i++) {
    let high = true, low = true;
    for (let j = i - length; j <= i + length; j++) {
      if (j === i) continue;
      if (!(rows[i]![0] > rows[j]![0])) high = false;
      if (!(rows[i]![1] < rows[j]![1])) low = false;
    }
    if (high) out.push({ kind: "swing-high", index: i, price: rows[i]![0] });
    if (low) out.push({ kind: "swing-low", index: i, price: rows[i]![1] });
  }
  return out;
}

