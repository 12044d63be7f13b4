import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/metrics/compute-metrics.js";

// Cross-check on real data: S&P 500 daily closes 2000-01-03 .. 2020-04-17 (5,105 rows) shipped by
// vega-datasets. Buy and hold: equity = close. The reference values below were computed independently
// with Python's statistics module (population of 5,104 daily returns, sample std) and agree with the
// straightforward loops in this file:
//   daily mean 0.000212021, std 0.0125304 → volatility 0.198914, Sharpe 0.268605 (×sqrt(252));
//   max drawdown -56.78% from 1565.15 (2007-10-09) to 676.53 (2009-03-09), recovered 2013-03-28
//   (1,997 days, 1,376 bars); CAGR over 7,410 days 3.4124%; longest drawdown 2000-03-24 → 2007-05-30.
const file = fileURLToPath(new URL("../../node_modules/vega-datasets/data/sp500-2000.csv", import.meta.url));
const rows = readFileSync(file, "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
const ts = Float64Array.from(rows, (r) => Date.parse(`${r[0]}T00:00:00Z`));
const close = Float64Array.from(rows, (r) => Number(r[4]));

/** Textbook reference: returns, mean, sample variance via sums of squares, running-max drawdown. */
function reference() {
  const r: number[] = [];
  for (let i = 1; i < close.length; i++) r.push(close[i]! / close[i - 1]! - 1);
  const m = r.reduce((a, b) => a + b, 0) / r.length;
  const variance = r.reduce((a, b) => a + (b - m) ** 2, 0) / (r.length - 1);
  const downside = Math.sqrt(r.reduce((a, b) => a + Math.min(0, b) ** 2, 0) / r.length);
  let peak = close[0]!;
  let worst = 0;
  for (const c of close) {
    peak = Math.max(peak, c);
    worst = Math.min(worst, c / peak - 1);
  }
  return { vol: Math.sqrt(variance * 252), sharpe: (m / Math.sqrt(variance)) * Math.sqrt(252), sortino: (m / downside) * Math.sqrt(252), maxDrawdown: worst };
}

describe("computeMetrics on S&P 500 closes 2000-2020", () => {
  const m = computeMetrics({ ts, equity: close });
  const ref = reference();

  it("reads the 5,105 daily rows and infers 252 periods a year", () => {
    expect(m).toMatchObject({ points: 5105, periods: 5104, start: "2000-01-03T00:00:00.000Z", end: "2020-04-17T00:00:00.000Z", elapsedDays: 7410 });
    expect(m.periodsPerYear).toBe(252);
  });

  it("matches the reference volatility, Sharpe, Sortino and maximum drawdown", () => {
    expect(m.annualizedVolatility).toBeCloseTo(ref.vol, 12);
    expect(m.sharpe).toBeCloseTo(ref.sharpe, 12);
    expect(m.sortino).toBeCloseTo(ref.sortino, 12);
    expect(m.maxDrawdown).toBeCloseTo(ref.maxDrawdown, 14);
  });

  it("pins the figures computed independently", () => {
    expect(m.annualizedVolatility).toBeCloseTo(0.198914, 6);
    expect(m.sharpe).toBeCloseTo(0.268605, 6);
    expect(m.sortino).toBeCloseTo(0.376528, 6);
    expect(m.totalReturn).toBeCloseTo(2874.560059 / 1455.219971 - 1, 12); // 0.975344
    expect(m.annualizedReturn).toBeCloseTo(0.0341241, 7);
    expect(m.calmar).toBeCloseTo(0.0601037, 7);
    expect(m.maxDrawdown).toBeCloseTo(676.530029 / 1565.150024 - 1, 12); // -0.567754
    expect(m.maxDrawdownSpell).toMatchObject({
      peakAt: "2007-10-09T00:00:00.000Z", troughAt: "2009-03-09T00:00:00.000Z", recoveryAt: "2013-03-28T00:00:00.000Z",
      recovered: true, durationMs: 1997 * 86_400_000, durationBars: 1376,
    });
    expect(m.longestDrawdownSpell).toMatchObject({ peakAt: "2000-03-24T00:00:00.000Z", recoveryAt: "2007-05-30T00:00:00.000Z", durationMs: 2623 * 86_400_000 });
  });
});
