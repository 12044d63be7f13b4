import { invalid } from "../../core/check.js";

/** Observations as one row-major Float64Array: T rows of D features. */
export interface ObservationMatrix {
  readonly x: Float64Array;
  readonly t: number;
  readonly d: number;
}

/**
 * Returns observations given as numbers (one feature) or as rows of D numbers in one row-major
 * Float64Array (a copy), after checking that every value is finite and every row has the same length.
 * @example observationMatrix([[0.01, -4.2], [-0.02, -3.9]]); // { x: Float64Array(4), t: 2, d: 2 }
 */
export function observationMatrix(observations: ArrayLike<number> | readonly ArrayLike<number>[]): ObservationMatrix {
  const t = observations.length;
  if (t === 0) invalid("observations", "[]", "at least one observation", "pass a series of numbers or of feature rows");
  const first = observations[0];
  if (typeof first === "number") {
    const x = Float64Array.from(observations as ArrayLike<number>);
    for (let r = 0; r < t; r++) if (!Number.isFinite(x[r])) invalid(`observations[${r}]`, x[r], "a finite number", "drop warm-up NaNs first");
    return { x, t, d: 1 };
  }
  const d = (first as ArrayLike<number>).length;
  if (!(d >= 1)) invalid("observations[0]", first, "a number or a row of numbers");
  const x = new Float64Array(t * d);
  for (let r = 0; r < t; r++) {
    const row = (observations as readonly ArrayLike<number>[])[r]!;
    if (row.length !== d) invalid(`observations[${r}]`, row, `a row of ${d} numbers like the first`);
    for (let f = 0; f < d; f++) {
      const v = row[f]!;
      if (typeof v !== "number" || !Number.isFinite(v)) invalid(`observations[${r}][${f}]`, v, "a finite number", "drop warm-up NaNs first");
      x[r * d + f] = v;
    }
  }
  return { x, t, d };
}
