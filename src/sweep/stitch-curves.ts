import type { EquitySeries } from "./sweep-executor.js";

/** A stitched out-of-sample curve: its points and the window each came from. */
export interface StitchedCurve {
  readonly ts: Float64Array;
  readonly equity: Float64Array;
  readonly window: Int32Array;
}

/**
 * Returns the test windows' equity curves chained into one: each window's curve is scaled so that it
 * starts where the previous one ended (the first starts at `startEquity`), i.e. its returns compound
 * on the running level.
 * @example stitchCurves([{ window: 0, curve: a }, { window: 1, curve: b }], 100_000).equity
 */
export function stitchCurves(parts: readonly { readonly window: number; readonly curve: EquitySeries }[], startEquity: number): StitchedCurve {
  const n = parts.reduce((s, p) => s + p.curve.ts.length, 0);
  const ts = new Float64Array(n), equity = new Float64Array(n), window = new Int32Array(n);
  let level = startEquity, k = 0;
  for (const { window: w, curve } of parts) {
    const first = curve.equity[0]!;
    for (let i = 0; i < curve.ts.length; i++, k++) {
      ts[k] = curve.ts[i]!;
      equity[k] = (level * curve.equity[i]!) / first;
      window[k] = w;
    }
    if (curve.ts.length > 0) level = equity[k - 1]!;
  }
  return { ts, equity, window };
}
