import { describe, expect, it } from "vitest";
import { kellyFraction } from "../../src/metrics/kelly-fraction.js";
import { KellyPositionSizer } from "../../src/risk/kelly-position-sizer.js";
import { roundTrips } from "../fixtures/fake-risk-view.js";

describe("KellyPositionSizer", () => {
  it("risks the fixed base (1%) until 30 trades are closed, while still reporting the estimate", () => {
    const s = new KellyPositionSizer().size(roundTrips(15, 200, 14, 100));
    expect(s).toMatchObject({ method: "base", trusted: false, trades: 29, riskFraction: 0.01, edge: "positive" });
    expect(s.winRate).toBeCloseTo(15 / 29, 12);
    expect(s.payoffRatio).toBe(2);
  });

  it("risks half Kelly once trusted: W = 0.5, R = 2 gives f* = 0.25 and 0.125, capped at 2% by default", () => {
    const trips = roundTrips(20, 200, 20, 100);
    expect(new KellyPositionSizer().size(trips)).toMatchObject({ method: "kelly", rawKelly: 0.25, riskFraction: 0.02, note: expect.stringMatching(/capped/) });
    expect(new KellyPositionSizer({ maxRiskFraction: 0.5 }).size(trips).riskFraction).toBe(0.125);
    expect(new KellyPositionSizer({ fraction: 0.25, maxRiskFraction: 0.5 }).size(trips).riskFraction).toBe(0.0625);
  });

  it("reuses kellyFraction from the metrics for f*", () => {
    const trips = roundTrips(18, 150, 22, 100);
    expect(new KellyPositionSizer().size(trips).rawKelly).toBeCloseTo(kellyFraction(18 / 40, 1.5), 12);
  });

  it("risks only the floor (0.25%) on a negative edge by default, never more than a small positive edge gets", () => {
    const negative = new KellyPositionSizer().size(roundTrips(10, 100, 30, 100));
    expect(negative).toMatchObject({ method: "floor", edge: "non-positive", riskFraction: 0.0025 });
    expect(negative.rawKelly).toBeCloseTo(0.25 - 0.75, 12);
    const tiny = new KellyPositionSizer().size(roundTrips(20, 102, 20, 100)); // f* = 0.5 - 0.5 / 1.02 ~ 0.0098, half ~ 0.0049
    expect(tiny.method).toBe("kelly");
    expect(tiny.riskFraction).toBeGreaterThanOrEqual(negative.riskFraction);
    const edgeless = new KellyPositionSizer().size(roundTrips(20, 100, 20, 100));
    expect(edgeless).toMatchObject({ method: "floor", rawKelly: 0 });
  });

  it("refuses on a non-positive edge with onNonPositiveEdge \"deny\" (risk 0)", () => {
    expect(new KellyPositionSizer({ onNonPositiveEdge: "deny" }).size(roundTrips(10, 100, 30, 100))).toMatchObject({ method: "deny", riskFraction: 0 });
  });

  it("treats all-winning trades as f* = W (unbounded payoff) and no winning trade as no edge", () => {
    expect(new KellyPositionSizer({ maxRiskFraction: 1 }).size(roundTrips(30, 10, 0, 0, 10))).toMatchObject({ method: "kelly", rawKelly: 0.75, payoffRatio: null, riskFraction: 0.375 });
    expect(new KellyPositionSizer().size(roundTrips(0, 0, 30, 10))).toMatchObject({ method: "floor", rawKelly: null, edge: "non-positive" });
    expect(new KellyPositionSizer().size([])).toMatchObject({ method: "base", edge: "unknown", winRate: null, rawKelly: null });
  });

  it("returns the cached sizing while the trades have not grown, and a new one when they have", () => {
    const sizer = new KellyPositionSizer({ minTrades: 1 });
    const trips = roundTrips(5, 200, 5, 100);
    const first = sizer.size(trips);
    expect(sizer.size(trips.slice())).toBe(first);
    expect(sizer.size([...trips, ...roundTrips(1, 100, 0, 0)])).not.toBe(first);
  });

  it("survives a JSON round trip", () => {
    const s = new KellyPositionSizer().size(roundTrips(30, 10, 0, 0));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it.each([
    [{ fraction: 0 }, /invalid fraction/],
    [{ fraction: 1.5 }, /invalid fraction/],
    [{ maxRiskFraction: 0 }, /invalid maxRiskFraction/],
    [{ minTrades: 0 }, /invalid minTrades/],
    [{ baseRiskFraction: 0.05 }, /invalid baseRiskFraction: 0.05 \(expected a number in \(0, maxRiskFraction\]/],
    [{ floorRiskFraction: 0.03 }, /invalid floorRiskFraction/],
    [{ onNonPositiveEdge: "stop" as "deny" }, /invalid onNonPositiveEdge/],
  ])("rejects options %o", (options, message) => {
    expect(() => new KellyPositionSizer(options)).toThrow(message);
  });
});
