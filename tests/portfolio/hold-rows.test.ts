import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FillEvent } from "../../src/engine/events.js";
import { Portfolio } from "../../src/portfolio/portfolio.js";

const fill = (side: "buy" | "sell", quantity: number, price: number, ts: number): FillEvent => ({
  type: "fill", ts, orderId: 1, symbol: "A", side, quantity, requestedQuantity: quantity, price, commission: 0.25, slippage: 0,
});

type Op =
  | { readonly kind: "fill"; readonly side: "buy" | "sell"; readonly quantity: number }
  | { readonly kind: "hold"; readonly rows: number; readonly skip: number };

const price = fc.oneof(fc.double({ min: 1, max: 500, noNaN: true }), fc.constant(Number.NaN));

describe("Portfolio.holdRows", () => {
  it("gives the round trips (MAE and MFE) of observing each held row's high and low, with gaps, partial closes and reversals", () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant("fill" as const), side: fc.constantFrom("buy" as const, "sell" as const), quantity: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ kind: fc.constant("hold" as const), rows: fc.integer({ min: 0, max: 12 }), skip: fc.constantFrom(0, 0, 0, 1, 3) }),
    );
    fc.assert(
      fc.property(fc.array(price, { minLength: 400, maxLength: 400 }), fc.array(price, { minLength: 400, maxLength: 400 }), fc.array(op, { maxLength: 40 }), (highs, lows, ops) => {
        const bars = [{ high: Float64Array.from(highs), low: Float64Array.from(lows) }];
        const lazy = new Portfolio({ initialCash: 1e9, symbols: ["A"], bars }), eager = new Portfolio({ initialCash: 1e9, symbols: ["A"] });
        let row = 0;
        for (const o of ops) {
          if (o.kind === "fill") {
            // a fill at a bar's open: its market price is the previous row's close stand-in, the bar's own low
            const at = Number.isNaN(lows[row]!) ? 100 : lows[row]!;
            for (const p of [lazy, eager]) p.applyFill(0, fill(o.side, o.quantity, at, row), at, row);
            continue;
          }
          row += o.skip; // rows not held (a gap in the catch-ups) are read at once
          const to = Math.min(400, row + o.rows);
          lazy.holdRows(0, row, to);
          for (let r = row; r < to; r++) eager.observeRange(0, highs[r]!, lows[r]!);
          row = to;
        }
        expect(lazy.roundTrips).toEqual(eager.roundTrips);
      }),
      { numRuns: 300 },
    );
  });
});
