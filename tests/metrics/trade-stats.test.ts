import { describe, expect, it } from "vitest";
import type { RoundTrip } from "../../src/core/types.js";
import { tradeStats } from "../../src/metrics/trade-stats.js";

const T0 = Date.UTC(2024, 0, 2);

/** A long round trip of 10 units entered at 100 whose pnl and returnFraction are given. */
function trip(pnl: number, returnFraction = pnl / 1000, barsHeld = 2): RoundTrip {
  return {
    symbol: "SPY", side: "long", quantity: 10, entryTs: T0, exitTs: T0 + 86_400_000, entryPrice: 100,
    exitPrice: 100 + pnl / 10, pnl, returnFraction, commission: 0, barsHeld, mae: 0, mfe: 0,
  };
}

const five = [trip(30, 0.03, 1), trip(-10, -0.01, 2), trip(20, 0.02, 3), trip(-20, -0.02, 4), trip(0, 0, 5)];

describe("tradeStats", () => {
  it("computes every statistic of a hand-checked sample", () => {
    // pnl 30, -10, 20, -20, 0: 2 wins, 2 losses, 1 break-even
    // gross profit 50, gross loss -30, net 20; win rate 2/5 = 0.4; profit factor 50/30 = 5/3
    // expectancy 20/5 = 4; average win 50/2 = 25, average loss -30/2 = -15, payoff 25/15 = 5/3
    // Kelly 0.4 - 0.6 / (5/3) = 0.4 - 0.36 = 0.04; mean returnFraction 0.02/5 = 0.004
    // SQN on returnFraction 0.03, -0.01, 0.02, -0.02, 0: mean 0.004, squared deviations
    //   0.000676 + 0.000196 + 0.000256 + 0.000576 + 0.000016 = 0.00172; / 4 → std 0.0207364;
    //   sqrt(5) × 0.004 / 0.0207364 = 0.4313311
    const s = tradeStats(five, { minTrades: 5 });
    expect(s).toMatchObject({ count: 5, wins: 2, losses: 2, netProfit: 20, grossProfit: 50, grossLoss: -30, largestWin: 30, largestLoss: -20, averageBarsHeld: 3 });
    expect(s).toMatchObject({ winRate: 0.4, expectancy: 4, averageWin: 25, averageLoss: -15, expectancyR: null, sqnBasis: "returnFraction", notes: [] });
    expect(s.profitFactor).toBeCloseTo(5 / 3, 15);
    expect(s.payoffRatio).toBeCloseTo(5 / 3, 15);
    expect(s.kellyFraction).toBeCloseTo(0.04, 15);
    expect(s.averageReturnFraction).toBeCloseTo(0.004, 15);
    expect(s.sqn).toBeCloseTo(0.4313310928, 9);
  });

  it("uses R-multiples for expectancyR and the SQN when given the risk per trade", () => {
    // risks 10, 10, 20, 10, 10 → R = 3, -1, 1, -2, 0: mean 0.2; squared deviations 7.84 + 1.44 + 0.64 + 4.84 + 0.04 = 14.8;
    // / 4 = 3.7 → std 1.9235384; sqrt(5) × 0.2 / 1.9235384 = 0.2324953
    const risks = new Map(five.map((t, i) => [t, i === 2 ? 20 : 10]));
    const s = tradeStats(five, { minTrades: 5, riskPerTrade: (t) => risks.get(t)! });
    expect(s.expectancyR).toBeCloseTo(0.2, 15);
    expect(s.sqnBasis).toBe("rMultiple");
    expect(s.sqn).toBeCloseTo(0.2324952774, 9);
  });

  it("falls back to returnFraction with a note when a risk is not positive", () => {
    const s = tradeStats(five, { minTrades: 5, riskPerTrade: () => 0 });
    expect(s).toMatchObject({ expectancyR: null, sqnBasis: "returnFraction" });
    expect(s.notes).toEqual([expect.stringMatching(/^riskPerTrade gave 0 for round trip 0 \(expected a positive amount\)/)]);
  });

  it("gives counts and sums but no estimates below minTrades (default 30)", () => {
    const s = tradeStats([...five, trip(5), trip(-5)]);
    expect(s).toMatchObject({ count: 7, wins: 3, losses: 3, netProfit: 20, grossProfit: 55, grossLoss: -35 });
    expect(s).toMatchObject({ winRate: null, profitFactor: null, expectancy: null, sqn: null, kellyFraction: null, payoffRatio: null });
    expect(s.notes).toEqual([expect.stringMatching(/^not enough trades: 7 < 30 \(minTrades\) for win rate, profit factor, expectancy, .*SQN and Kelly fraction/)]);
  });

  const ESTIMATES = ["winRate", "profitFactor", "expectancy", "averageWin", "averageLoss", "payoffRatio", "sqn", "kellyFraction"] as const;
  it.each([
    // [case, trips, expected estimates, notes]
    ["0 trades", [], { winRate: null, profitFactor: null, expectancy: null, averageWin: null, averageLoss: null, payoffRatio: null, sqn: null, kellyFraction: null }, [/^no round trips/]],
    ["1 winning trade", [trip(10)], { winRate: 1, profitFactor: null, expectancy: 10, averageWin: 10, averageLoss: null, payoffRatio: null, sqn: null, kellyFraction: null }, [/^no losing trades/, /^not enough trades: 1 < 2 for SQN/]],
    // all wins 10, 30: SQN on fractions 0.01, 0.03 = sqrt(2) × 0.02 / 0.0141421 = 2
    ["all wins", [trip(10), trip(30)], { winRate: 1, profitFactor: null, expectancy: 20, averageWin: 20, averageLoss: null, payoffRatio: null, sqn: 2, kellyFraction: null }, [/^no losing trades: profit factor, average loss, payoff ratio and Kelly fraction are null/]],
    // all losses -10, -30: profit factor 0 / 40 = 0; SQN -2
    ["all losses", [trip(-10), trip(-30)], { winRate: 0, profitFactor: 0, expectancy: -20, averageWin: null, averageLoss: -20, payoffRatio: null, sqn: -2, kellyFraction: null }, [/^no winning trades/]],
    ["equal trades", [trip(10), trip(10)], { winRate: 1, profitFactor: null, expectancy: 10, averageWin: 10, averageLoss: null, payoffRatio: null, sqn: null, kellyFraction: null }, [/^no losing trades/, /^per-trade returnFraction do not vary: SQN is null/]],
    // one win 20, one loss -10: payoff 2, Kelly 0.5 - 0.5 / 2 = 0.25; SQN on 0.02, -0.01: sqrt(2) × 0.005 / 0.0212132 = 1/3
    ["one win, one loss", [trip(20), trip(-10)], { winRate: 0.5, profitFactor: 2, expectancy: 5, averageWin: 20, averageLoss: -10, payoffRatio: 2, sqn: 1 / 3, kellyFraction: 0.25 }, []],
  ])("handles %s", (_, trips, expected, notes) => {
    const s = tradeStats(trips, { minTrades: 1 });
    expect(s.count).toBe(trips.length);
    for (const key of ESTIMATES) {
      const want = expected[key];
      if (want === null) expect(s[key], key).toBeNull();
      else expect(s[key], key).toBeCloseTo(want, 12);
    }
    expect(s.notes).toHaveLength(notes.length);
    notes.forEach((re, i) => expect(s.notes[i]).toMatch(re));
  });

  it.each([
    ["a NaN pnl", [trip(NaN)], /invalid roundTrips\[0\].pnl: "NaN" \(expected a finite number\)/],
    ["a negative minTrades", [], /invalid minTrades: -1/],
  ])("rejects %s", (name, trips, message) => {
    expect(() => tradeStats(trips, { minTrades: name.includes("minTrades") ? -1 : 1 })).toThrow(message);
  });
});
