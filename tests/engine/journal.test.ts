import { describe, expect, it } from "vitest";
import { Journal } from "../../src/engine/journal.js";
import { handHandler, closeOf } from "../fixtures/hand-bars.js";

describe("Journal", () => {
  it("keeps rows in order beyond its initial capacity, and can give the table as it was at a row count", () => {
    const journal = new Journal(16);
    for (let i = 0; i < 40; i++) journal.market(i, i % 2, i >> 1);
    journal.denied({ type: "denied", ts: 40, symbol: "B", direction: "short", code: "SHORTING_DISABLED", message: "no shorts", details: {} }, 1);
    const closes = [new Float64Array(20).map((_, i) => 100 + i), new Float64Array(21).map((_, i) => 200 + i)];
    const table = journal.toTable(["A", "B"], closes);
    expect(table.numRows).toBe(41);
    expect(table.toArray()[39].toJSON()).toMatchObject({ ts: 39, type: "market", symbol: "B", price: 219 });
    expect(table.toArray()[40].toJSON()).toMatchObject({ type: "denied", symbol: "B", direction: "short", code: "SHORTING_DISABLED", reason: "no shorts", orderId: null });
    expect(journal.toTable(["A", "B"], closes, 10).numRows).toBe(10);
  });

  it("expands market events recorded with nextBar() by replaying the merge of the handlers", () => {
    const handlers = [handHandler("A", [[0, 10, 10, 10, 10], [1, 11, 11, 11, 11], [3, 13, 13, 13, 13]]), handHandler("B", [[1, 21, 21, 21, 21], [2, 22, 22, 22, 22]])];
    const journal = new Journal(16);
    journal.nextBar();
    journal.nextBar();
    journal.denied({ type: "denied", ts: closeOf(1), symbol: "A", direction: "exit", code: "X", message: "m", details: {} }, 0);
    journal.nextBar();
    journal.nextBar();
    journal.nextBar();
    expect(journal.length).toBe(6);
    const closes = handlers.map((h) => h.columns!.close);
    const brief = (rows: number) => journal.toTable(["A", "B"], closes, rows, handlers).toArray().map((r) => [r.type, r.symbol, r.ts, r.price]);
    expect(brief(6)).toEqual([
      ["market", "A", closeOf(0), 10], ["market", "A", closeOf(1), 11], ["denied", "A", closeOf(1), null],
      ["market", "B", closeOf(1), 21], ["market", "B", closeOf(2), 22], ["market", "A", closeOf(3), 13],
    ]);
    expect(brief(4)).toEqual(brief(6).slice(0, 4));
    expect(() => journal.toTable(["A", "B"], closes)).toThrow(/need the handlers/);
    const single = new Journal(16);
    single.nextBar();
    expect(single.toTable(["A", "B"], closes, 1, handlers).toArray().map((r) => [r.type, r.symbol, r.ts])).toEqual([["market", "A", closeOf(0)]]);
  });
});
