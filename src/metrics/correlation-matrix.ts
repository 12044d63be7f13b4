import { check, invalid } from "../core/check.js";
import { isNegligibleSpread } from "./sample-moments.js";

/** One symbol's period returns, aligned with the other series of the same call (NaN = no value). */
export interface ReturnSeries {
  readonly symbol: string;
  readonly returns: ArrayLike<number>;
}

/** Options of correlationMatrix. */
export interface CorrelationMatrixOptions {
  /** Fewest periods where both series have a value for a correlation to be given (default 2, the least that defines one). */
  readonly minOverlap?: number;
}

/** Pearson correlations between return series, in the order of `symbols`. */
export interface CorrelationMatrix {
  readonly symbols: string[];
  /** matrix[i][j] = correlation of series i and j in [-1, 1]; null when undefined (too little overlap, or a constant series). */
  readonly matrix: (number | null)[][];
  /** overlap[i][j] = number of periods where both series have a finite value. */
  readonly overlap: number[][];
}

/**
 * Returns the Pearson correlation matrix of return series that are aligned period by period (same
 * length, index i = the same period). Each pair uses only the periods where both have a finite
 * value ("pairwise complete" observations), so a series that starts late lowers only its own
 * overlaps; such a matrix need not be positive semi-definite. A pair with fewer than `minOverlap`
 * common periods, or in which one series is constant over them, gets null. The diagonal is 1 for any
 * series that varies. Throws InvalidOptionError when lengths differ or a symbol repeats.
 * @see Pearson, K. (1895). Notes on Regression and Inheritance in the Case of Two Parents.
 *   Proceedings of the Royal Society of London 58, 240-242.
 * @example correlationMatrix([{ symbol: "SPY", returns: spy }, { symbol: "TLT", returns: tlt }]).matrix[0][1]
 */
export function correlationMatrix(series: readonly ReturnSeries[], options: CorrelationMatrixOptions = {}): CorrelationMatrix {
  const minOverlap = Math.max(2, check.positiveInteger("minOverlap", options.minOverlap ?? 2));
  const k = series.length;
  const length = k > 0 ? series[0]!.returns.length : 0;
  const seen = new Set<string>();
  series.forEach((s, i) => {
    check.nonEmptyString(`series[${i}].symbol`, s.symbol);
    if (seen.has(s.symbol)) invalid(`series[${i}].symbol`, s.symbol, "each symbol once");
    seen.add(s.symbol);
    if (s.returns.length !== length) {
      invalid(`series[${i}].returns`, `length ${s.returns.length}`, `${length} periods like series[0]`, "align the series on the same timestamps first, with NaN for missing periods");
    }
  });
  const matrix: (number | null)[][] = series.map(() => new Array<number | null>(k).fill(null));
  const overlap: number[][] = series.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const { r, count } = pearson(series[i]!.returns, series[j]!.returns);
      const value = count >= minOverlap ? r : null;
      matrix[i]![j] = matrix[j]![i] = i === j && value !== null ? 1 : value;
      overlap[i]![j] = overlap[j]![i] = count;
    }
  }
  return { symbols: series.map((s) => s.symbol), matrix, overlap };
}

/** Pearson r over the indices where both are finite (two-pass), null when a side does not vary beyond rounding. */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): { r: number | null; count: number } {
  let count = 0, sx = 0, sy = 0;
  for (let t = 0; t < x.length; t++) {
    if (Number.isFinite(x[t]) && Number.isFinite(y[t])) {
      count++; sx += x[t]!; sy += y[t]!;
    }
  }
  if (count < 2) return { r: null, count };
  const mx = sx / count, my = sy / count;
  let sxy = 0, sxx = 0, syy = 0;
  for (let t = 0; t < x.length; t++) {
    if (Number.isFinite(x[t]) && Number.isFinite(y[t])) {
      const dx = x[t]! - mx, dy = y[t]! - my;
      sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
    }
  }
  if (isNegligibleSpread(Math.sqrt(sxx / count), mx) || isNegligibleSpread(Math.sqrt(syy / count), my)) return { r: null, count };
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), count };
}
