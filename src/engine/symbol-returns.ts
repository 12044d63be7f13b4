import { DAY } from "../core/time.js";
import type { ReturnSeries } from "../metrics/correlation-matrix.js";

/** How per-symbol returns are aligned: by UTC calendar day (last close of each day), or by engine step. */
export type ReturnAlignment = "day" | "step";

/**
 * Returns each symbol's close-to-close returns aligned on shared periods, for a correlation matrix:
 * with "day" each period is a UTC calendar day and a symbol's value is its last close that day (so
 * daily bars from exchanges in different zones line up); with "step" each period is one distinct bar
 * close time. A symbol's return in a period is its close there over its previous close (in an earlier
 * period) minus 1, NaN when it has no bar in the period or no earlier close. `closes[s]` and `times[s]`
 * are symbol s's close and tsClose columns (sorted), of which the first `counts[s]` bars are used.
 * @example
 * correlationMatrix(symbolReturns(symbols, times, closes, counts, "day"));
 */
export function symbolReturns(
  symbols: readonly string[], times: readonly Float64Array[], closes: readonly Float64Array[], counts: ArrayLike<number>, alignment: ReturnAlignment,
): ReturnSeries[] {
  const k = symbols.length;
  const byDay = alignment === "day";
  let total = 0;
  for (let s = 0; s < k; s++) total += counts[s]!;
  const keys = new Float64Array(total);
  let at = 0;
  for (let s = 0; s < k; s++) {
    const t = times[s]!;
    for (let i = 0; i < counts[s]!; i++) keys[at++] = byDay ? Math.floor(t[i]! / DAY) : t[i]!;
  }
  if (k > 1) keys.sort();
  let m = 0;
  for (let i = 0; i < total; i++) if (m === 0 || keys[i] !== keys[m - 1]) keys[m++] = keys[i]!;
  const periods = keys.subarray(0, m);
  return symbols.map((symbol, s) => {
    const t = times[s]!, c = closes[s]!;
    const last = new Float64Array(m).fill(NaN);
    let p = 0;
    for (let i = 0; i < counts[s]!; i++) {
      const key = byDay ? Math.floor(t[i]! / DAY) : t[i]!;
      while (periods[p]! < key) p++;
      last[p] = c[i]!;
    }
    const returns = new Float64Array(m).fill(NaN);
    let previous = NaN;
    for (let q = 0; q < m; q++) {
      const close = last[q]!;
      if (close !== close) continue;
      if (previous === previous) returns[q] = close / previous - 1;
      previous = close;
    }
    return { symbol, returns };
  });
}
