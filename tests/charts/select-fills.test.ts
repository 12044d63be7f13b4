import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { selectFills, type TradeFill } from "../../src/charts/select-fills.js";
import { smallBacktest } from "../fixtures/small-backtest.js";

const fills: TradeFill[] = [
  { ts: 300, symbol: "A", side: "sell", price: 11, quantity: 5 },
  { ts: 100, symbol: "A", side: "buy", price: 10, quantity: 5 },
  { ts: 200, symbol: "B", side: "buy", price: 50 },
];

describe("selectFills", () => {
  it("keeps one symbol's fills, in time order", () => {
    expect(selectFills(fills, { symbol: "A" }).map((f) => f.ts)).toEqual([100, 300]);
  });

  it("keeps fills within [from, to], both ends included", () => {
    expect(selectFills(fills, { symbol: "A", from: 100, to: 299 }).map((f) => f.ts)).toEqual([100]);
    expect(selectFills(fills, { symbol: "A", from: 101 }).map((f) => f.ts)).toEqual([300]);
  });

  it("takes fills without a symbol to be of the symbol asked for", () => {
    expect(selectFills([{ ts: 1, side: "buy", price: 2 }], { symbol: "A" })).toHaveLength(1);
  });

  it("reads the fill rows of a backtest journal, and only those", () => {
    const { result } = smallBacktest();
    const journal = result.journal.toArray().map((r) => r.toJSON());
    const expected = journal.filter((r) => r.type === "fill" && r.symbol === "BBB");
    const selected = selectFills(result.journal, { symbol: "BBB" });
    expect(selected.length).toBeGreaterThan(0);
    expect(selected).toEqual(expected.map((r) => ({ ts: r.ts, symbol: "BBB", side: r.side, price: r.price, quantity: r.quantity })));
  });

  it("refuses fills of several symbols when no symbol is named", () => {
    expect(() => selectFills(fills)).toThrow(/invalid fills: "fills of 2 symbols \(A, B\)" \(expected fills of one symbol\); pass the symbol option/);
  });

  it("names the fill and field that is wrong", () => {
    expect(() => selectFills([fills[0]!, { ...fills[1]!, side: "long" as "buy" }])).toThrow(/invalid fills\[1\]\.side: "long"/);
    expect(() => selectFills([{ ...fills[0]!, price: -1 }])).toThrow(/invalid fills\[0\]\.price: -1 \(expected a positive number\)/);
  });

  it("names the missing column of a journal table", () => {
    expect(() => selectFills(arrow.tableFromArrays({ ts: Float64Array.of(1) }))).toThrow(/fills: column "type" is missing/);
  });
});
