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

  it("keeps the market events before an event in the event's row, whether the table is read between them or not", () => {
    const handlers = [handHandler("A", [[0, 10, 10, 10, 10], [1, 11, 11, 11, 11], [2, 12, 12, 12, 12], [3, 13, 13, 13, 13]]), handHandler("B", [[1, 21, 21, 21, 21], [2, 22, 22, 22, 22], [3, 23, 23, 23, 23]])];
    const closes = handlers.map((h) => h.columns!.close);
    const denial = (day: number, s: number) => ({ type: "denied" as const, ts: closeOf(day), symbol: s === 0 ? "A" : "B", direction: "exit" as const, code: "X", message: `m${day}`, details: {} });
    const brief = (journal: Journal, rows?: number) => journal.toTable(["A", "B"], closes, rows, handlers).toArray().map((r) => [r.type, r.symbol, r.ts, r.reason]);
    // bars, an event, bars, two events in a row, bars read at the end
    const record = (journal: Journal, readBetween: boolean) => {
      journal.nextBars(2);
      journal.denied(denial(1, 0), 0);
      journal.nextBars(2);
      if (readBetween) brief(journal);
      journal.nextBar();
      journal.denied(denial(2, 1), 1);
      journal.denied(denial(2, 0), 0);
      journal.nextBars(2);
      return journal;
    };
    const expected = [
      ["market", "A", closeOf(0), null], ["market", "A", closeOf(1), null], ["denied", "A", closeOf(1), "m1"],
      ["market", "B", closeOf(1), null], ["market", "A", closeOf(2), null], ["market", "B", closeOf(2), null],
      ["denied", "B", closeOf(2), "m2"], ["denied", "A", closeOf(2), "m2"],
      ["market", "A", closeOf(3), null], ["market", "B", closeOf(3), null],
    ];
    expect(brief(record(new Journal(), false))).toEqual(expected);
    expect(brief(record(new Journal(), true))).toEqual(expected);
    // the table as it was at each row count, cut inside the bars before an event too
    for (let rows = 0; rows <= expected.length; rows++) expect(brief(record(new Journal(), false), rows)).toEqual(expected.slice(0, rows));
  });

  it("gives back every field of signals, orders, fills and denials, for every direction, side and order type", () => {
    const journal = new Journal();
    const directions = ["long", "short", "exit"] as const, sides = ["buy", "sell"] as const, types = ["market", "stop"] as const;
    const expected: Record<string, unknown>[] = [];
    let id = 1;
    for (const direction of directions) {
      for (const side of sides) {
        for (const orderType of types) {
          const reason = `reason ${id % 5}`, stopPrice = orderType === "stop" ? 90 + id : undefined;
          journal.signal({ type: "signal", ts: id, symbol: "B", direction, strength: 0.5, stopPrice, reason }, 1);
          journal.order({ type: "order", ts: id, id, symbol: "B", side, quantity: 10 * id, orderType, direction, stopPrice, reason }, 1);
          journal.fill({ type: "fill", ts: id + 0.5, orderId: id, symbol: "A", side, quantity: 5 * id, requestedQuantity: 10 * id, price: 100.25, commission: 1.5, slippage: 0.125 }, 0);
          expected.push(
            { type: "signal", symbol: "B", direction, strength: 0.5, stopPrice: stopPrice ?? null, reason, side: null, orderId: null },
            { type: "order", symbol: "B", direction, side, quantity: 10 * id, stopPrice: stopPrice ?? null, orderId: id, reason, orderType },
            { type: "fill", symbol: "A", side, quantity: 5 * id, requestedQuantity: 10 * id, price: 100.25, commission: 1.5, slippage: 0.125, orderId: id, direction: null },
          );
          id++;
        }
      }
      journal.denied({ type: "denied", ts: id, symbol: "A", direction, code: `CODE_${direction}`, message: `no ${direction}`, details: {}, orderId: id - 1 }, 0);
      expected.push({ type: "denied", symbol: "A", direction, code: `CODE_${direction}`, reason: `no ${direction}`, orderId: id - 1 });
    }
    const table = journal.toTable(["A", "B"], [new Float64Array(0), new Float64Array(0)]);
    expect(table.toArray().map((r) => r.toJSON())).toEqual(expected.map((e) => expect.objectContaining(e)));
  });
});

