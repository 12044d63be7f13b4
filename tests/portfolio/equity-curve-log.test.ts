import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FillEvent } from "../../src/engine/events.js";
import { EquityCurveLog } from "../../src/portfolio/equity-curve-log.js";
import { Portfolio } from "../../src/portfolio/portfolio.js";

const fill = (side: "buy" | "sell", quantity: number, price: number): FillEvent => ({
  type: "fill", ts: 0, orderId: 1, symbol: "A", side, quantity, requestedQuantity: quantity, price, commission: 0.5, slippage: 0,
});

type Op =
  | { readonly kind: "fill"; readonly s: number; readonly side: "buy" | "sell"; readonly quantity: number; readonly price: number }
  | { readonly kind: "run"; readonly s: number; readonly prices: readonly number[] };

const price = fc.oneof(fc.double({ min: 1, max: 1000, noNaN: true }), fc.constantFrom(0, -0, Number.NaN, 100));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("fill" as const), s: fc.integer({ min: 0, max: 1 }), side: fc.constantFrom("buy" as const, "sell" as const), quantity: fc.integer({ min: 1, max: 50 }), price: fc.double({ min: 1, max: 1000, noNaN: true }) }),
  fc.record({ kind: fc.constant("run" as const), s: fc.integer({ min: 0, max: 1 }), prices: fc.array(price, { maxLength: 40 }) }),
);

/** The numbers of a curve table and a portfolio, with -0 and NaN kept apart from 0 (as Object.is sees them). */
function dump(log: EquityCurveLog, portfolio: Portfolio): string[] {
  const table = log.toTable(new Float64Array(log.length).map((_, i) => i));
  const numbers = [...table.toArray().flatMap((row) => Object.values(row.toJSON() as Record<string, number>)), portfolio.marketValue, portfolio.grossExposure, ...portfolio.lastPrice];
  return numbers.map((x) => (Object.is(x, -0) ? "-0" : String(x)));
}

describe("EquityCurveLog", () => {
  it("records a run of marks (recordMarks) exactly as a mark and a recordOf per row", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (ops, capacity) => {
        const options = { initialCash: 100_000, symbols: ["A", "B"] };
        const a = new Portfolio(options), b = new Portfolio(options);
        const logA = new EquityCurveLog(capacity), logB = new EquityCurveLog(capacity);
        for (const o of ops) {
          if (o.kind === "fill") {
            for (const p of [a, b]) p.applyFill(o.s, fill(o.side, o.quantity, o.price), o.price, 0);
            continue;
          }
          const prices = Float64Array.from([7, ...o.prices]);
          logA.recordMarks(a, o.s, prices, 1, prices.length);
          for (let r = 1; r < prices.length; r++) {
            b.mark(o.s, prices[r]!);
            logB.recordOf(b);
          }
        }
        expect(logA.length).toBe(logB.length);
        expect(dump(logA, a)).toEqual(dump(logB, b));
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same rows when runs over one price column pile up before the curve is read, and when it is read between them", () => {
    const step = fc.oneof(op, fc.record({ kind: fc.constant("read" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (ops, capacity) => {
        const options = { initialCash: 100_000, symbols: ["A", "B"] };
        const a = new Portfolio(options), b = new Portfolio(options);
        const logA = new EquityCurveLog(capacity), logB = new EquityCurveLog(capacity);
        // one price column per symbol, each run taking its next rows (as quiet steps take a handler's rows)
        const columns = [new Float64Array(2000), new Float64Array(2000)], next = [0, 0];
        for (const o of ops) {
          if (o.kind === "read") {
            if (logA.length === 0) continue;
            const i = Math.min(logA.length - 1, Math.floor(o.at * logA.length));
            expect(Object.is(logA.equityAt(i), logB.equityAt(i)) || String(logA.equityAt(i)) === String(logB.equityAt(i))).toBe(true);
            continue;
          }
          if (o.kind === "fill") {
            for (const p of [a, b]) p.applyFill(o.s, fill(o.side, o.quantity, o.price), o.price, 0);
            continue;
          }
          const column = columns[o.s]!, from = next[o.s]!;
          column.set(o.prices, from);
          next[o.s] = from + o.prices.length;
          logA.recordMarks(a, o.s, column, from, from + o.prices.length);
          for (const x of o.prices) {
            b.mark(o.s, x);
            logB.recordOf(b);
          }
        }
        expect(logA.length).toBe(logB.length);
        expect(dump(logA, a)).toEqual(dump(logB, b));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a short position's gross exposure apart from its market value over a run", () => {
    const p = new Portfolio({ initialCash: 10_000, symbols: ["A"] });
    const log = new EquityCurveLog(4);
    p.mark(0, 100);
    p.applyFill(0, fill("sell", 10, 100), 100, 0);
    log.recordMarks(p, 0, Float64Array.from([101, 102, 99]), 0, 3);
    const t = log.toTable(Float64Array.from([1, 2, 3]));
    expect(t.getChild("marketValue")!.toArray()).toEqual(Float64Array.from([-1010, -1020, -990]));
    expect(t.getChild("grossExposure")!.toArray()).toEqual(Float64Array.from([1010, 1020, 990]));
  });
});
