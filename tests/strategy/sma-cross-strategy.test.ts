import { describe, expect, it } from "vitest";
import { barAt, barColumns } from "../../src/data/bar-table.js";
import type { MarketEvent, SignalEvent } from "../../src/engine/events.js";
import { atrColumn } from "../../src/indicators/atr.js";
import { smaColumn } from "../../src/indicators/sma.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

const columns = barColumns(randomWalkBars(3000, "RW", 11));
const events: MarketEvent[] = Array.from({ length: 3000 }, (_, i) => {
  const bar = barAt(columns, i, "RW");
  return { type: "market", ts: bar.tsClose, symbol: "RW", bar };
});
const run = (strategy: SmaCrossStrategy) => {
  const out: { i: number; signal: SignalEvent }[] = [];
  events.forEach((e, i) => {
    const signal = strategy.calculateSignals(e);
    if (signal !== undefined) out.push({ i, signal });
  });
  return out;
};

/** The crossover rule over whole columns: a change of the sign of fast - slow from its last non-zero value. */
function plainCrosses(fast: number, slow: number): { i: number; up: boolean }[] {
  const f = smaColumn(columns.close, fast), s = smaColumn(columns.close, slow);
  const out: { i: number; up: boolean }[] = [];
  let side = 0;
  for (let i = 0; i < f.length; i++) {
    const d = f[i]! - s[i]!;
    if (!(d !== 0) || Number.isNaN(d)) continue;
    const now = d > 0 ? 1 : -1;
    if (now !== side && side !== 0) out.push({ i, up: now > 0 });
    side = now;
  }
  return out;
}

describe("SmaCrossStrategy", () => {
  it("signals exactly at the crossovers of the column SMAs: long above, exit below (long-only)", () => {
    const signals = run(new SmaCrossStrategy({ fast: 10, slow: 30 }));
    const expected = plainCrosses(10, 30);
    expect(expected.length).toBeGreaterThan(50);
    expect(signals.map(({ i, signal }) => [i, signal.direction])).toEqual(expected.map(({ i, up }) => [i, up ? "long" : "exit"]));
    expect(signals[0]!.signal).toEqual({ type: "signal", ts: events[signals[0]!.i]!.ts, symbol: "RW", direction: signals[0]!.signal.direction, strength: 1, reason: expect.stringMatching(/^SMA\(10\) crossed (above|below) SMA\(30\)$/) });
  });

  it("signals short on a cross below when long-short", () => {
    const signals = run(new SmaCrossStrategy({ fast: 5, slow: 20, allowShort: true }));
    expect(signals.map(({ i, signal }) => [i, signal.direction])).toEqual(plainCrosses(5, 20).map(({ i, up }) => [i, up ? "long" : "short"]));
  });

  it("decides only from bars up to the current one: the first possible signal needs slow + 1 bars", () => {
    const signals = run(new SmaCrossStrategy({ fast: 2, slow: 3 }));
    expect(signals[0]!.i).toBeGreaterThanOrEqual(3);
  });

  it("keeps separate state per symbol", () => {
    const strategy = new SmaCrossStrategy({ fast: 10, slow: 30 });
    const other = events.map((e) => ({ ...e, symbol: "XX", bar: { ...e.bar, symbol: "XX" } }));
    const mixed: { symbol: string; i: number }[] = [];
    events.forEach((e, i) => {
      if (strategy.calculateSignals(e)) mixed.push({ symbol: "RW", i });
      if (strategy.calculateSignals(other[i]!)) mixed.push({ symbol: "XX", i });
    });
    const single = plainCrosses(10, 30).map(({ i }) => i);
    expect(mixed.filter((m) => m.symbol === "RW").map((m) => m.i)).toEqual(single);
    expect(mixed.filter((m) => m.symbol === "XX").map((m) => m.i)).toEqual(single);
  });

  it("reports ATR(14) per symbol, and inspect() as JSON-safe data", () => {
    const strategy = new SmaCrossStrategy({ fast: 10, slow: 30 });
    expect(strategy.currentAtr("RW")).toBeUndefined();
    run(strategy);
    const atr = atrColumn(columns.high, columns.low, columns.close, 14);
    expect(strategy.currentAtr("RW")).toBeCloseTo(atr[atr.length - 1]!, 10);
    const state = strategy.inspect("RW");
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).toMatchObject({ symbol: "RW", warm: true, seenBars: 3000, requiredBars: 31 });
    expect((state.recentCloses as number[]).length).toBe(30);
    expect(strategy.inspect("NONE")).toEqual({ symbol: "NONE", seenBars: 0, warm: false, requiredBars: 31 });
  });

  it("gives the same signals, ATR and inspect() through the fast path as through calculateSignals, per symbol and mixed", () => {
    const general = new SmaCrossStrategy({ fast: 10, slow: 30 });
    const fast = new SmaCrossStrategy({ fast: 10, slow: 30 });
    const other = barColumns(randomWalkBars(3000, "XX", 5));
    const a: unknown[] = [], b: unknown[] = [];
    for (let i = 0; i < 3000; i++) {
      a.push(general.calculateSignals(events[i]!));
      const bar = barAt(other, i, "XX");
      a.push(general.calculateSignals({ type: "market", ts: bar.tsClose, symbol: "XX", bar }));
      // the fast strategy switches paths now and then, which must not change anything
      b.push(i % 500 === 7 ? fast.calculateSignals(events[i]!) : fast.calculateSignalsAt(columns, i, "RW", 0));
      b.push(fast.calculateSignalsAt(other, i, "XX", 1));
      if (i % 700 === 3) {
        expect(fast.currentAtr("RW")).toBe(general.currentAtr("RW"));
        expect(fast.inspect("XX")).toEqual(general.inspect("XX"));
      }
    }
    expect(b).toEqual(a);
    expect(a.filter((x) => x !== undefined).length).toBeGreaterThan(100);
    expect(fast.currentAtr("XX")).toBe(general.currentAtr("XX"));
    expect(fast.inspect("RW")).toEqual(general.inspect("RW"));
  });

  it("scans rows as row-by-row calls of the fast path would, stopping after the first signal (NaN closes skipped)", () => {
    const byRow = new SmaCrossStrategy({ fast: 5, slow: 12 });
    const scanning = new SmaCrossStrategy({ fast: 5, slow: 12 });
    const close = columns.close.map((x, i) => (i % 89 === 5 ? Number.NaN : x));
    const withGaps = { ...columns, close };
    const a: unknown[] = [], b: unknown[] = [];
    for (let i = 0; i < 3000; i++) {
      const signal = byRow.calculateSignalsAt(withGaps, i, "RW", 0);
      if (signal !== undefined) a.push({ row: i + 1, signal });
    }
    const stop = { row: 0, signal: undefined as SignalEvent | readonly SignalEvent[] | undefined };
    for (let from = 0, width = 1; from < 3000; width = (width * 7) % 97 + 1) {
      scanning.scanSignalsAt(withGaps, from, Math.min(3000, from + width), "RW", 0, stop);
      if (stop.signal !== undefined) b.push({ row: stop.row, signal: stop.signal });
      from = stop.row;
    }
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(50);
    expect(scanning.inspect("RW")).toEqual(byRow.inspect("RW"));
    expect(scanning.currentAtr("RW")).toBe(byRow.currentAtr("RW"));
  });

  it("starts over after reset()", () => {
    const strategy = new SmaCrossStrategy();
    const first = run(strategy);
    strategy.reset();
    expect(run(strategy)).toEqual(first);
  });

  it("rejects a fast average that is not shorter than the slow one", () => {
    expect(() => new SmaCrossStrategy({ fast: 30, slow: 10 })).toThrow(/invalid fast: 30 \(expected an integer below slow \(10\)\)/);
    expect(() => new SmaCrossStrategy({ fast: 0 })).toThrow(/invalid fast: 0/);
  });
});
