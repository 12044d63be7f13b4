import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "../../src/core/time.js";
import type { RoundTrip } from "../../src/core/types.js";
import { YEAR_MS } from "../../src/metrics/annualized-return.js";
import { computeMetrics, type Metrics } from "../../src/metrics/compute-metrics.js";

const T0 = Date.UTC(2020, 0, 1);
const QUARTER = YEAR_MS / 4; // 91.3125 days
const quarters = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * QUARTER);
const days = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * DAY);

// Five quarterly points one year apart: returns +20%, -10%, +10%, -10%.
const curve = { ts: quarters(5), equity: Float64Array.of(100, 120, 108, 118.8, 106.92), exposure: Float64Array.of(0, 1, 2, 0, 0.5) };

function trip(pnl: number): RoundTrip {
  return { symbol: "SPY", side: "long", quantity: 1, entryTs: T0, exitTs: T0 + DAY, entryPrice: 100, exitPrice: 100 + pnl, pnl, returnFraction: pnl / 100, commission: 0, barsHeld: 1, mae: 0, mfe: 0 };
}

describe("computeMetrics", () => {
  it("pins every statistic of a hand-checked curve", () => {
    const m = computeMetrics(curve);
    // quarterly spacing → 4 periods a year; 4 × 91.3125 days = 365.25 days = one year
    expect(m).toMatchObject({ start: "2020-01-01T00:00:00.000Z", end: "2020-12-31T06:00:00.000Z", points: 5, periods: 4, elapsedDays: 365.25 });
    expect(m).toMatchObject({ periodsPerYear: 4, periodsPerYearSource: "inferred", riskFreeRate: 0, startEquity: 100, endEquity: 106.92 });
    // total 106.92 / 100 - 1 = 0.0692, and over exactly one year the CAGR is the same
    expect(m.totalReturn).toBeCloseTo(0.0692, 14);
    expect(m.annualizedReturn).toBeCloseTo(0.0692, 14);
    // returns 0.2, -0.1, 0.1, -0.1: mean 0.025; squared deviations 0.030625 + 0.015625 + 0.005625 + 0.015625 = 0.0675;
    // / 3 = 0.0225 → std 0.15; volatility 0.15 × sqrt(4) = 0.3; Sharpe 0.025 / 0.15 × 2 = 1/3
    expect(m.annualizedVolatility).toBeCloseTo(0.3, 14);
    expect(m.sharpe).toBeCloseTo(1 / 3, 14);
    // downside deviation sqrt((0.01 + 0.01) / 4) = 0.0707107 (all four periods); × 2 = 0.1414214;
    // Sortino 0.025 / 0.0707107 × 2 = 0.7071068
    expect(m.downsideDeviation).toBeCloseTo(Math.SQRT2 / 10, 14);
    expect(m.sortino).toBeCloseTo(Math.SQRT1_2, 14);
    // peak 120 (point 1), trough 106.92 (point 4): 106.92 / 120 - 1 = -0.109, unrecovered; Calmar 0.0692 / 0.109 = 0.6348624
    expect(m.maxDrawdown).toBeCloseTo(-0.109, 14);
    expect(m.calmar).toBeCloseTo(0.0692 / 0.109, 12);
    expect(m.maxDrawdownSpell).toMatchObject({
      peakIndex: 1, troughIndex: 4, recoveryIndex: null, peakAt: "2020-04-01T07:30:00.000Z", troughAt: "2020-12-31T06:00:00.000Z",
      recoveryAt: null, recovered: false, durationMs: 3 * QUARTER, durationBars: 3,
    });
    expect(m.longestDrawdownSpell).toEqual(m.maxDrawdownSpell);
    // exposure held over the four quarters: 0, 1, 2, 0 → in the market 2 of 4; average (1 + 2) / 4 = 0.75
    expect(m.exposure).toEqual({ timeInMarket: 0.5, periodsInMarket: 0.5, averageExposure: 0.75 });
    expect(m.trades.count).toBe(0);
    expect(m.notes).toEqual(["no round trips: trade statistics are null"]);
  });

  it("takes periodsPerYear and the risk-free rate from the options", () => {
    // 1.01^4 - 1 a year = 1% a quarter: (0.025 - 0.01) / 0.15 × 2 = 0.2
    expect(computeMetrics(curve, [], { riskFreeRate: 1.01 ** 4 - 1 }).sharpe).toBeCloseTo(0.2, 12);
    // with 16 periods a year instead: 0.025 / 0.15 × 4 = 2/3
    const m = computeMetrics(curve, [], { periodsPerYear: 16 });
    expect(m).toMatchObject({ periodsPerYear: 16, periodsPerYearSource: "option" });
    expect(m.sharpe).toBeCloseTo(2 / 3, 12);
  });

  it("adds the trade statistics and their notes", () => {
    const m = computeMetrics(curve, [trip(20), trip(-10)], { minTrades: 2 });
    expect(m.trades).toMatchObject({ count: 2, winRate: 0.5, profitFactor: 2, payoffRatio: 2, kellyFraction: 0.25 });
    expect(m.trades).not.toHaveProperty("notes");
    const few = computeMetrics(curve, [trip(20), trip(-10)]);
    expect(few.trades).toMatchObject({ count: 2, winRate: null, sqn: null });
    expect(few.notes).toEqual([expect.stringMatching(/^not enough trades: 2 < 30 \(minTrades\)/)]);
  });

  it.each<[string, number[], number[], Partial<Metrics>, RegExp[]]>([
    ["an empty curve", [], [], { points: 0, totalReturn: null, sharpe: null, maxDrawdown: null, start: null }, [/^empty equity curve/]],
    ["one point", [T0], [100], { points: 1, periods: 0, totalReturn: 0, annualizedReturn: null, annualizedVolatility: null, sharpe: null, maxDrawdown: 0, periodsPerYear: null },
      [/^one point: no elapsed time/, /^not enough period returns: 0 < 2/]],
    // one return of +25% over a day: CAGR 1.25^365.25 - 1 is huge, so a note says it extrapolates
    ["two points", [...days(2)], [100, 125], { totalReturn: 0.25, annualizedVolatility: null, sharpe: null, sortino: null, maxDrawdown: 0, calmar: null },
      [/^the annualized return extrapolates 1.0 days to a year/, /^not enough period returns: 1 < 2 for volatility, Sharpe and Sortino/, /^no drawdown: Calmar is null/]],
    ["flat equity", [...days(4)], [100, 100, 100, 100], { totalReturn: 0, annualizedReturn: 0, annualizedVolatility: 0, sharpe: null, sortino: null, downsideDeviation: 0, maxDrawdown: 0, calmar: null },
      [/extrapolates 3.0 days/, /^zero volatility \(returns constant\): Sharpe is null/, /^no period return below 0: downside deviation is 0 and Sortino is null/, /^no drawdown/]],
    ["constant 1% daily growth", [...days(4)], [100, 101, 102.01, 103.0301], { annualizedVolatility: 0, sharpe: null, sortino: null, maxDrawdown: 0 },
      [/extrapolates/, /^zero volatility/, /^no period return below 0/, /^no drawdown/]],
    ["start equity 0", [...days(3)], [0, 10, 20], { totalReturn: null, annualizedReturn: null, sharpe: null, maxDrawdown: null, maxDrawdownSpell: null },
      [/^start equity is not positive \(0\): returns, drawdowns and the ratios are null/]],
    // 100 → 50 → 0 → 0: -100%, CAGR -1; the last period starts at 0 and has no return
    ["an account blown up", [...days(4)], [100, 50, 0, 0], { totalReturn: -1, annualizedReturn: -1, maxDrawdown: -1, annualizedVolatility: null, sharpe: null, calmar: -1 },
      [/extrapolates/, /^equity is not positive at 2020-01-03T00:00:00.000Z: period returns from there on are undefined/]],
    // the returns -50% and -120% are defined (each period starts positive), the CAGR of a negative end is not
    ["a negative end equity", [...days(3)], [100, 50, -10], { totalReturn: -1.1, annualizedReturn: null, maxDrawdown: -1.1, calmar: null },
      [/^end equity is negative \(-10\): the annualized return is null/]],
  ])("handles %s", (_, ts, equity, expected, notes) => {
    const m = computeMetrics({ ts, equity, exposure: new Float64Array(ts.length) });
    expect(m).toMatchObject(expected);
    const curveNotes = m.notes.filter((n) => !n.startsWith("no round trips"));
    expect(curveNotes).toHaveLength(notes.length);
    notes.forEach((re, i) => expect(curveNotes[i]).toMatch(re));
    expect(JSON.parse(JSON.stringify(m))).toStrictEqual(m);
  });

  it("says so when there is no exposure series", () => {
    const m = computeMetrics({ ts: curve.ts, equity: curve.equity });
    expect(m.exposure).toBeNull();
    expect(m.notes).toContain("no exposure series: exposure is null");
  });

  it("survives a JSON round trip and structuredClone unchanged", () => {
    const m = computeMetrics(curve, [trip(20), trip(-10), trip(5)], { minTrades: 1, riskPerTrade: () => 10 });
    expect(JSON.parse(JSON.stringify(m))).toStrictEqual(m);
    expect(structuredClone(m)).toStrictEqual(m);
  });

  it("gives JSON-safe metrics for any curve and trades", () => {
    const equity = fc.array(fc.oneof(fc.double({ min: -10, max: 1e4, noNaN: true }), fc.constant(0), fc.constant(100)), { maxLength: 30 });
    const pnl = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 8 });
    fc.assert(
      fc.property(equity, pnl, fc.integer({ min: 0, max: 5 }), (values, pnls, minTrades) => {
        const m = computeMetrics({ ts: days(values.length), equity: values, exposure: values.map((v) => (v > 100 ? 1 : 0)) }, pnls.map(trip), { minTrades });
        expect(JSON.parse(JSON.stringify(m))).toStrictEqual(m);
      }),
    );
  });

  it.each([
    ["timestamps that do not increase", { ts: [0, 0], equity: [1, 1] }, {}, /invalid ts\[1\]: 0 \(expected a time after ts\[0\] = 0\)/],
    ["a negative exposure", { ts: [0, 1], equity: [1, 1], exposure: [0, -2] }, {}, /invalid exposure\[1\]: -2/],
    ["periodsPerYear 0", curve, { periodsPerYear: 0 }, /invalid periodsPerYear: 0 \(expected a positive number\)/],
    ["a non-integer minTrades", curve, { minTrades: 2.5 }, /invalid minTrades: 2.5/],
  ])("rejects %s", (_, c, options, message) => {
    expect(() => computeMetrics(c, [], options)).toThrow(message);
  });
});
