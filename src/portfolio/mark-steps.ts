/**
 * Marks a position of signed quantity `q` at `prices[from]`, ..., `prices[to - 1]`, one step per price,
 * with the arithmetic of `Portfolio.mark` (market += q x (price - previous), gross += |q| x (price -
 * previous)), starting from `previous` (the last price marked), market value `m` and gross exposure
 * `g`. When `market` is given, the market value after each step goes to `market[at]`, `market[at + 1]`,
 * ... (and the gross exposure to `gross`, when given); without it nothing is written, only the end
 * values. Returns nothing: the market value and gross exposure after the last step go to `out[0]` and
 * `out[1]` (a number returned from a call the JS engine does not inline is boxed). Portfolio.markRows
 * advances a position through quiet steps with it and EquityCurveLog writes those steps' rows later
 * with it, so both give the same numbers to the last bit.
 * @example
 * const out = new Float64Array(2);
 * markSteps(closes, 10, 20, 5, closes[9], m, g, undefined, undefined, 0, out); // out[0]: market value after row 19
 */
export function markSteps(
  prices: Float64Array, from: number, to: number, q: number, previous: number, m: number, g: number,
  market: Float64Array | undefined, gross: Float64Array | undefined, at: number, out: Float64Array,
): void {
  if (q === 0) {
    // Flat: mark() changes nothing but the last price (a loop, not fill(): runs are short, and a call
    // of the fill builtin costs more than the writes).
    if (market !== undefined) {
      const end = at + (to - from);
      for (let i = at; i < end; i++) market[i] = m;
      if (gross !== undefined) for (let i = at; i < end; i++) gross[i] = g;
    }
    out[0] = m;
    out[1] = g;
    return;
  }
  const size = q > 0 ? q : -q;
  if (market === undefined) {
    for (let r = from; r < to; r++) {
      const price = prices[r]!, delta = price - previous;
      m += q * delta;
      g += size * delta;
      previous = price;
    }
  } else {
    for (let r = from, i = at; r < to; r++, i++) {
      const price = prices[r]!, delta = price - previous;
      m += q * delta;
      g += size * delta;
      previous = price;
      market[i] = m;
      if (gross !== undefined) gross[i] = g;
    }
  }
  out[0] = m;
  out[1] = g;
}
