import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";

/** The S&P 500 index, daily, 2000-01-03 to 2020-04-17, from the vega-datasets package (Yahoo Finance). */
export interface Sp500Daily {
  readonly date: readonly string[];
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

let cached: Sp500Daily | undefined;

/** Returns the real S&P 500 daily bars, parsed once per test file. */
export function sp500Daily(): Sp500Daily {
  if (cached) return cached;
  const url = new URL("../../node_modules/vega-datasets/data/sp500-2000.csv", import.meta.url);
  const rows = csvParse(readFileSync(url, "utf8"));
  const column = (name: string) => Float64Array.from(rows, (r) => Number(r[name]));
  cached = { date: rows.map((r) => r.date!), open: column("open"), high: column("high"), low: column("low"), close: column("close") };
  return cached;
}

/**
 * Asserts that `actual` equals `expected` to `relative` tolerance (plus 1e-12 absolute, for zeros) at
 * every index, with NaN (ours) exactly where `expected` has null/undefined/NaN: the warm-up must match
 * index for index. Reports the first index that differs.
 */
export function expectSameSeries(actual: ArrayLike<number>, expected: ArrayLike<number | null | undefined>, relative = 1e-9): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i];
    const eMissing = e === null || e === undefined || Number.isNaN(e);
    if (eMissing || Number.isNaN(a)) {
      if (eMissing !== Number.isNaN(a)) throw new Error(`index ${i}: got ${a}, expected ${e}`);
      continue;
    }
    if (!(Math.abs(a - e) <= relative * Math.abs(e) + 1e-12)) throw new Error(`index ${i}: got ${a}, expected ${e} (relative error ${Math.abs(a - e) / Math.abs(e)})`);
  }
}

/** Returns the index of the first non-NaN value, or -1. */
export function firstValueIndex(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) return i;
  return -1;
}
