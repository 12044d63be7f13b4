/** Returns a round step (1, 2 or 5 times a power of ten) near `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const e = raw / power;
  return (e >= Math.sqrt(50) ? 10 : e >= Math.sqrt(10) ? 5 : e >= Math.sqrt(2) ? 2 : 1) * power;
}

/**
 * Returns about `count` round values (multiples of 1, 2 or 5 times a power of ten) within [lo, hi],
 * ascending, without floating-point noise; `[lo]` when the range is empty or not finite.
 * @example niceTicks(0, 1, 4) // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) return [lo];
  const step = niceStep((hi - lo) / Math.max(1, count));
  const ticks: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)) + 0);
  return ticks;
}
