import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeBars } from "../../src/data/merge-bars.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { EngineEvent, MarketEvent } from "../../src/engine/events.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { createSignal } from "../../src/strategy/create-signal.js";
import { barHandler, calendarScenario, HOUR_MS, scenarioOptions } from "../fixtures/calendar-scenario.js";
import { handHandler, openOf, type HandBar } from "../fixtures/hand-bars.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

// Issue 3: within one timestamp the engine handles fills of earlier orders, then market data, then
// signals, then risk decisions, then new orders; market data follows mergeBars().

const brief = (events: readonly EngineEvent[]) => events.map((e) => `${e.type} ${e.symbol}`);

const A: HandBar[] = [[0, 10, 10, 10, 10], [1, 11, 12, 10, 11.5], [2, 12, 13, 11, 12.5]];
const B: HandBar[] = [[0, 20, 20, 20, 20], [1, 21, 22, 20, 21.5], [2, 22, 23, 21, 22.5]];
const C: HandBar[] = [[0, 30, 30, 30, 30], [1, 31, 32, 30, 31.5], [2, 32, 33, 31, 32.5]];
const D: HandBar[] = [[0, 40, 40, 40, 40], [2, 42, 43, 41, 42.5]];

/** Four symbols at the same timestamps, D with a gap on day 1, and a script that exercises every phase. */
const fourSymbols = () => new BacktestEngine({
  handlers: [handHandler("A", A), handHandler("B", B), handHandler("C", C), handHandler("D", D)],
  strategy: scriptedStrategy({
    A: { 0: "long", 1: "long" },
    B: { 1: { direction: "exit", options: { symbol: "A" } } },
    C: { 0: ["long", "short"], 1: "exit" },
    D: { 0: "long" },
  }),
  riskManager: new NullRisk({ quantity: 2 }),
});

describe("the order of events within a timestamp, over several symbols", () => {
  it("handles fills (handler order), then every bar, then the signals in bar order, then each signal's risk outcome", () => {
    const engine = fourSymbols();
    const day0 = engine.step();
    expect(brief(day0.events)).toEqual([
      "market A", "market B", "market C", "market D",
      "signal A", "signal C", "signal C", "signal D",
      "order A", "order C", "denied C", "order D",
    ]);
    const day1 = engine.step();
    expect(brief(day1.events)).toEqual([
      "fill A", "fill C",
      "market A", "market B", "market C",
      "signal A", "signal A", "signal C",
      "denied A", "order A", "order C",
    ]);
    expect(day1.events.slice(0, 2)).toMatchObject([{ orderId: 1, price: 11, ts: openOf(1) }, { orderId: 2, price: 31, ts: openOf(1) }]);
    expect(day1.events.slice(8)).toMatchObject([
      { type: "denied", code: "ALREADY_IN_POSITION", direction: "long" },
      { type: "order", id: 4, side: "sell", direction: "exit", quantity: 2 },
      { type: "order", id: 5, side: "sell", direction: "exit", quantity: 2 },
    ]);
    expect(engine.peek().pendingOrders.map((o) => o.id)).toEqual([3, 4, 5]);
    const day2 = engine.step();
    expect(brief(day2.events)).toEqual(["fill A", "fill C", "fill D", "market A", "market B", "market C", "market D"]);
    expect(day2.events.slice(0, 3).map((e) => e.type === "fill" && e.orderId)).toEqual([4, 5, 3]);
    for (const step of [day0, day1, day2]) {
      expect(step.events.filter((e) => e.type !== "fill").every((e) => e.ts === Date.parse(step.to!))).toBe(true);
    }
  });

  it("shows the strategy, at a timestamp's first bar, every bar of that timestamp marked and every fill of it applied", () => {
    const seen: { symbol: string; lastC: number | undefined; quantityC: number; cash: number }[] = [];
    const script = scriptedStrategy({ C: { 0: "long" } });
    const engine = new BacktestEngine({
      handlers: [handHandler("A", A), handHandler("B", B), handHandler("C", C)],
      strategy: {
        name: "probe",
        calculateSignals: (event, view) => {
          seen.push({ symbol: event.symbol, lastC: view.lastPrice("C"), quantityC: view.quantity("C"), cash: view.cash });
          return script.calculateSignals(event, view);
        },
      },
      riskManager: new NullRisk({ quantity: 2 }),
    });
    engine.stepUntil({ steps: 2 });
    expect(seen).toEqual([
      { symbol: "A", lastC: 30, quantityC: 0, cash: 100_000 },
      { symbol: "B", lastC: 30, quantityC: 0, cash: 100_000 },
      { symbol: "C", lastC: 30, quantityC: 0, cash: 100_000 },
      { symbol: "A", lastC: 31.5, quantityC: 2, cash: 100_000 - 62 },
      { symbol: "B", lastC: 31.5, quantityC: 2, cash: 100_000 - 62 },
      { symbol: "C", lastC: 31.5, quantityC: 2, cash: 100_000 - 62 },
    ]);
  });

  it("publishes the bars in exactly the order of mergeBars(), one timestamp per step, on symbols with different calendars", () => {
    fc.assert(
      fc.property(calendarScenario(), (s) => {
        const options = scenarioOptions(s);
        const merged = [...mergeBars(options.handlers)].map((b) => `${b.symbol} ${b.tsClose}`);
        const engine = new BacktestEngine(options);
        const published: string[] = [];
        while (!engine.done) {
          const report = engine.step();
          const markets = report.events.filter((e): e is MarketEvent => e.type === "market");
          expect(new Set(markets.map((e) => e.ts))).toEqual(new Set([Date.parse(report.to!)]));
          expect(markets.length).toBe(report.bars);
          published.push(...markets.map((e) => `${e.symbol} ${e.bar.tsClose}`));
        }
        expect(published).toEqual(merged);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the phase order in every step of random multi-symbol runs: fill phase, bars, signals, risk outcomes in signal order", () => {
    const phase = (e: EngineEvent) => (e.type === "fill" || (e.type === "denied" && e.orderId !== undefined) ? 0 : e.type === "market" ? 1 : e.type === "signal" ? 2 : 3);
    fc.assert(
      fc.property(calendarScenario(), (s) => {
        const engine = new BacktestEngine(scenarioOptions(s));
        const index = new Map(engine.symbols.map((symbol, i) => [symbol, i]));
        const decidedBefore = new Set<number>();
        let nextId = 1;
        while (!engine.done) {
          const report = engine.step();
          const T = Date.parse(report.to!);
          const events = report.events;
          const phases = events.map(phase);
          expect(phases).toEqual([...phases].sort((a, b) => a - b));
          const fills = events.filter((e) => phase(e) === 0) as (EngineEvent & { orderId: number })[];
          const fillKeys = fills.map((e) => [index.get(e.symbol)!, e.orderId] as const);
          expect(fillKeys).toEqual([...fillKeys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
          for (const f of fills) expect(decidedBefore.has(f.orderId)).toBe(true);
          const markets = events.filter((e) => e.type === "market").map((e) => index.get(e.symbol)!);
          expect(markets).toEqual([...markets].sort((a, b) => a - b));
          const signals = events.filter((e) => e.type === "signal");
          expect(signals.every((e) => e.ts === T)).toBe(true);
          // Each risk outcome answers the next unanswered signal (exits when flat are answered by nothing).
          let k = 0;
          for (const outcome of events.filter((e) => phase(e) === 3)) {
            expect(outcome.ts).toBe(T);
            const direction = (outcome as { direction: string }).direction;
            while (k < signals.length && !(signals[k]!.symbol === outcome.symbol && signals[k]!.direction === direction)) k++;
            expect(k).toBeLessThan(signals.length);
            k++;
            if (outcome.type === "order") {
              expect(outcome.id).toBe(nextId++);
              decidedBefore.add(outcome.id);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  // An order for another symbol, decided while that symbol's session is open (London closes 16:30 UTC, New
  // York opened 14:30), must not fill at the open of the bar in progress, two hours before the decision.
  it("never fills an order at a price that traded before the order was decided (cross-symbol order, overlapping sessions)", () => {
    const day = Date.UTC(2024, 0, 2);
    const bar = (tsOpen: number, tsClose: number, price: number) => ({ tsOpen, tsClose, open: price, high: price, low: price, close: price, volume: 1 });
    const london = barHandler("LON", [bar(day + 8 * HOUR_MS, day + 16.5 * HOUR_MS, 10)]);
    const newYork = barHandler("NY", [bar(day - 9.5 * HOUR_MS, day - 3 * HOUR_MS, 90), bar(day + 14.5 * HOUR_MS, day + 21 * HOUR_MS, 100), bar(day + 38.5 * HOUR_MS, day + 45 * HOUR_MS, 110)]);
    const engine = new BacktestEngine({
      handlers: [london, newYork], riskManager: new NullRisk(),
      strategy: { name: "pair", calculateSignals: (e) => (e.symbol === "LON" ? createSignal(e, "long", "pair", { symbol: "NY" }) : undefined) },
    });
    const events = engine.stepUntil({ when: () => false }).events;
    const order = events.find((e) => e.type === "order")!;
    const fill = events.find((e) => e.type === "fill");
    expect(order.ts).toBe(day + 16.5 * HOUR_MS);
    // It waits out the New York bar in progress and fills at the open of the next one.
    expect(fill).toMatchObject({ symbol: "NY", ts: day + 38.5 * HOUR_MS, price: 110 });
    expect(engine.snapshot().warnings.some((w) => w.includes("waited past a bar that had opened before"))).toBe(true);
  });
});
