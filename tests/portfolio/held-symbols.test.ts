import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FillEvent } from "../../src/engine/events.js";
import { Portfolio } from "../../src/portfolio/portfolio.js";

const SYMBOLS = ["A", "B", "C", "D", "E", "F"];
const fill = (s: number, side: "buy" | "sell", quantity: number, price: number): FillEvent => ({
  type: "fill", ts: 0, orderId: 1, symbol: SYMBOLS[s]!, side, quantity, requestedQuantity: quantity, price, commission: 0.5, slippage: 0,
});

/** A step of a random life: a fill of symbol s, or a mark of every symbol at its row of `closes`. */
type Step = { fill: [s: number, buy: boolean, quantity: number, price: number] } | { row: number };
const step = fc.oneof(
  fc.record({ fill: fc.tuple(fc.nat(SYMBOLS.length - 1), fc.boolean(), fc.integer({ min: 1, max: 9 }), fc.double({ min: 1, max: 200, noNaN: true })) }),
  fc.record({ row: fc.nat(19) }),
) as fc.Arbitrary<Step>;

describe("Portfolio's held symbols", () => {
  it("are the symbols with a position, ascending, through opens, adds, partial closes, closes and reversals", () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const p = new Portfolio({ initialCash: 1e6, symbols: SYMBOLS });
      for (const st of steps) {
        if ("fill" in st) {
          const [s, buy, q, price] = st.fill;
          p.applyFill(s, fill(s, buy ? "buy" : "sell", q, price), price, 0);
        }
        const held = SYMBOLS.map((_, s) => s).filter((s) => p.quantity[s] !== 0);
        expect([...p.held.subarray(0, p.heldCount)]).toEqual(held);
      }
    }));
  });

  it("markHeld gives the market value, gross exposure and last prices of mark() per held symbol, to the bit", () => {
    const closes = SYMBOLS.map((_, s) => Float64Array.from({ length: 20 }, (_, r) => 50 + 7.3 * s + Math.sin(r + s) * 3.1));
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const a = new Portfolio({ initialCash: 1e6, symbols: SYMBOLS }), b = new Portfolio({ initialCash: 1e6, symbols: SYMBOLS });
      for (const st of steps) {
        if ("fill" in st) {
          const [s, buy, q, price] = st.fill;
          for (const p of [a, b]) p.applyFill(s, fill(s, buy ? "buy" : "sell", q, price), price, 0);
          continue;
        }
        a.markHeld(closes, st.row);
        for (let s = 0; s < SYMBOLS.length; s++) if (b.quantity[s] !== 0) b.mark(s, closes[s]![st.row]!);
        expect(Object.is(a.marketValue, b.marketValue) && Object.is(a.grossExposure, b.grossExposure)).toBe(true);
        expect([...a.lastPrice]).toEqual([...b.lastPrice]);
      }
    }));
  });
});
