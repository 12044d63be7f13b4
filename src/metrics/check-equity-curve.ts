import { invalid } from "../core/check.js";

// Non-finite numbers are passed as text: JSON would print NaN as "null".

/**
 * Throws InvalidOptionError unless `ts` holds finite, strictly increasing epoch ms and `equity` (and
 * `exposure`, when given) one finite number per timestamp, `exposure` never negative.
 */
export function checkEquityCurve(ts: ArrayLike<number>, equity: ArrayLike<number>, exposure?: ArrayLike<number>): void {
  const n = ts.length;
  if (equity.length !== n) {
    invalid("equity", `length ${equity.length}`, `one value per timestamp (${n})`, "pass the equity and ts columns of the same curve");
  }
  for (let i = 0; i < n; i++) {
    const t = ts[i]!;
    if (!Number.isFinite(t)) invalid(`ts[${i}]`, String(t), "a finite epoch ms timestamp");
    if (i > 0 && !(t > ts[i - 1]!)) {
      invalid(`ts[${i}]`, t, `a time after ts[${i - 1}] = ${ts[i - 1]}`, "an equity curve has one point per timestamp, in increasing order");
    }
    if (!Number.isFinite(equity[i]!)) invalid(`equity[${i}]`, String(equity[i]), "a finite number");
  }
  if (exposure === undefined) return;
  if (exposure.length !== n) {
    invalid("exposure", `length ${exposure.length}`, `one value per timestamp (${n})`, "pass gross position value / equity at every point, 0 when flat");
  }
  for (let i = 0; i < n; i++) {
    const x = exposure[i]!;
    if (!Number.isFinite(x) || x < 0) invalid(`exposure[${i}]`, Number.isFinite(x) ? x : String(x), "a finite number >= 0 (gross position value / equity)");
  }
}
