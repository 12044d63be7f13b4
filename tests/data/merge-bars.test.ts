import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataHandler, type BarInput } from "../../src/data/data-handler.js";
import { MergeCursor, mergeBars } from "../../src/data/merge-bars.js";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";

const info = (symbol: string) => ({ symbol, timeZone: "UTC", interval: "1m" });
const bar = (tsClose: number, close = 100): BarInput => ({ tsOpen: tsClose - 60_000, tsClose, open: close, high: close, low: close, close, volume: 1 });

/** A lazy handler that counts how many bars the merge has pulled from it. */
function countingHandler(symbol: string, times: readonly number[]) {
  const counter = { reads: 0 };
  const source = {
    *[Symbol.iterator]() {
      for (const t of times) {
        counter.reads++;
        yield bar(t);
      }
    },
  };
  return { handler: DataHandler.fromBars(info(symbol), source), counter };
}

function tableHandler(symbol: string, times: readonly number[]) {
  const c = allocateBarColumns(times.length);
  times.forEach((t, i) => {
    c.tsOpen[i] = t - 60_000; c.tsClose[i] = t; c.open[i] = c.high[i] = c.low[i] = c.close[i] = 100 + i; c.volume[i] = 1;
  });
  return DataHandler.fromTable(makeBarTable(c, info(symbol)));
}

const sortedStreams = fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }).map((a) => a.sort((x, y) => x - y)), { maxLength: 8 });
const strictStreams = fc.array(fc.uniqueArray(fc.integer({ min: 60_000, max: 61_000 }), { maxLength: 40 }).map((a) => a.sort((x, y) => x - y)), { minLength: 1, maxLength: 8 });

describe("mergeBars", () => {
  it("equals a stable sort of the concatenated streams for any number of streams and timestamps", () => {
    fc.assert(
      fc.property(sortedStreams, (streams) => {
        const handlers = streams.map((ts, i) => countingHandler(`S${i}`, ts).handler);
        const merged = [...mergeBars(handlers)].map((b) => [b.symbol, b.tsClose]);
        const concatenated = streams.flatMap((ts, i) => ts.map((t) => [`S${i}`, t] as [string, number]));
        const expected = [...concatenated].sort((a, b) => a[1] - b[1]); // Array.prototype.sort is stable
        expect(merged).toEqual(expected);
      }),
    );
  });

  it("never reads a handler more than one bar past what it has yielded", () => {
    fc.assert(
      fc.property(sortedStreams, fc.nat(200), (streams, take) => {
        const hs = streams.map((ts, i) => countingHandler(`S${i}`, ts));
        const it = mergeBars(hs.map((h) => h.handler));
        const yielded = new Map<string, number>();
        for (let n = 0; n < take; n++) {
          const r = it.next();
          if (r.done) break;
          yielded.set(r.value.symbol, (yielded.get(r.value.symbol) ?? 0) + 1);
          hs.forEach((h, i) => expect(h.counter.reads).toBeLessThanOrEqual((yielded.get(`S${i}`) ?? 0) + 1));
        }
      }),
    );
  });

  it("reads nothing until the first bar is asked for", () => {
    const h = countingHandler("A", [1, 2, 3]);
    const it = mergeBars([h.handler]);
    expect(h.counter.reads).toBe(0);
    it.next();
    expect(h.counter.reads).toBe(1);
  });

  it("breaks ties by handler order", () => {
    const merged = [...mergeBars([tableHandler("B", [120_000]), tableHandler("A", [120_000])])];
    expect(merged.map((b) => b.symbol)).toEqual(["B", "A"]);
  });

  it("fills no gaps: a symbol appears only when it has a bar", () => {
    const merged = [...mergeBars([tableHandler("NY", [60_000, 180_000]), tableHandler("LDN", [120_000])])];
    expect(merged.map((b) => `${b.symbol}@${b.tsClose}`)).toEqual(["NY@60000", "LDN@120000", "NY@180000"]);
  });

  it("throws naming the symbol and position of an unsorted stream", () => {
    const h = countingHandler("EURUSD", [100_000, 300_000, 200_000]).handler;
    expect(() => [...mergeBars([tableHandler("A", [60_000]), h])]).toThrow(/unsorted bars from EURUSD: bar 2 closes at 1970-01-01T00:03:20.000Z/);
  });

  it("rejects two handlers of the same symbol", () => {
    expect(() => [...mergeBars([tableHandler("A", [60_000]), tableHandler("A", [120_000])])]).toThrow(/symbol "A" appears at positions 0 and 1/);
  });

  it("yields nothing for no handlers or empty streams", () => {
    expect([...mergeBars([])]).toEqual([]);
    expect([...mergeBars([countingHandler("A", []).handler])]).toEqual([]);
  });
});

describe("MergeCursor", () => {
  it("gives the same order as mergeBars, without allocating bars", () => {
    fc.assert(
      fc.property(strictStreams, (streams) => {
        const handlers = streams.map((ts, i) => tableHandler(`S${i}`, ts));
        const expected = [...mergeBars(handlers)].map((b) => `${b.symbol}@${b.tsClose}`);
        const cursor = new MergeCursor(handlers);
        const got: string[] = [];
        for (let h = cursor.next(); h >= 0; h = cursor.next()) got.push(`${handlers[h]!.symbol}@${handlers[h]!.columns!.tsClose[cursor.row]}`);
        expect(got).toEqual(expected);
        expect(cursor.next()).toBe(-1);
      }),
    );
  });

  it("lists the pending heads in the order it will yield them", () => {
    const handlers = [tableHandler("A", [180_000, 240_000]), tableHandler("B", [120_000]), tableHandler("C", [180_000])];
    const cursor = new MergeCursor(handlers);
    expect(cursor.pending().map((p) => p.symbol)).toEqual(["B", "A", "C"]);
    cursor.next();
    expect(cursor.pending()).toEqual([
      { symbol: "A", handler: 0, row: 0, tsClose: "1970-01-01T00:03:00.000Z" },
      { symbol: "C", handler: 2, row: 0, tsClose: "1970-01-01T00:03:00.000Z" },
    ]);
  });

  it("refuses lazy handlers with a hint", () => {
    expect(() => new MergeCursor([countingHandler("A", [1]).handler])).toThrow(/A reads a lazy source .* use mergeBars\(\)/);
  });
});
