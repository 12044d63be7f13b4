import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { OrderEvent } from "../../src/engine/events.js";
import { until } from "../../src/engine/step-target.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { calendarScenario, scenarioOptions } from "../fixtures/calendar-scenario.js";
import { flatBars, handHandler } from "../fixtures/hand-bars.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

// Issue 3: snapshots and step reports are plain JSON-safe data.

const make = () => new BacktestEngine({
  handlers: [handHandler("A", flatBars([10, 11, 12]))], strategy: scriptedStrategy({ A: { 0: "long" } }), riskManager: new NullRisk({ quantity: 3 }),
});
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));
/** Returns a deep copy with -0 as 0 (JSON writes -0 as 0; see the test of short positions below). */
const positiveZeros = (x: unknown): unknown => {
  if (Object.is(x, -0)) return 0;
  if (Array.isArray(x)) return x.map(positiveZeros);
  if (x !== null && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, positiveZeros(v)]));
  return x;
};

describe("engine snapshots and step reports", () => {
  it("survive JSON and structuredClone in every step of random multi-symbol runs (shorts, denials, stop prices, cut fills)", () => {
    fc.assert(
      fc.property(calendarScenario(), (s) => {
        const engine = new BacktestEngine(scenarioOptions(s));
        while (!engine.done) {
          const report = engine.step();
          expect(plain(report)).toStrictEqual(positiveZeros(report));
          expect(structuredClone(report)).toStrictEqual(report);
          expect(plain(engine.peek())).toStrictEqual(engine.peek());
        }
      }),
      { numRuns: 60 },
    );
  });

  // A short position at its entry price has q x 0 = -0 unless the portfolio normalizes it; JSON turns -0
  // into 0, so the snapshot would not survive a JSON round trip exactly.
  it("reports an unrealized P&L of 0, not -0, for a short position at its entry price", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([50, 50, 50]))], strategy: scriptedStrategy({ A: { 0: "short" } }), riskManager: new NullRisk(), allowShort: true,
    });
    engine.stepUntil({ steps: 2 });
    const snapshot = engine.snapshot();
    expect(snapshot.positions[0]).toMatchObject({ quantity: -1, averagePrice: 50, lastPrice: 50 });
    expect(plain(snapshot)).toStrictEqual(snapshot);
  });

  // snapshot.openOrders and peek().pendingOrders are copies; order events in reports are frozen.
  it("returns orders detached from the engine: changing a snapshot's or report's order changes nothing", () => {
    const clean = make().run().openPositions;
    const engine = make();
    const report = engine.step();
    (report.snapshot.openOrders[0] as { quantity: number }).quantity = 300;
    expect(engine.run().openPositions).toEqual(clean);
  });

  it("reports order events that cannot be changed", () => {
    const engine = make();
    const order = engine.stepUntil(until.nextOrder()).events.find((e) => e.type === "order")!;
    expect(Object.isFrozen(order)).toBe(true);
    expect(() => { (order as { quantity: number }).quantity = 300; }).toThrow(TypeError);
  });

  // The read-only view handed to strategies and risk managers must not let them resize an approved order.
  it("gives strategies pending orders they cannot change", () => {
    const script = scriptedStrategy({ B: { 0: "long" } });
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([10, 11, 12])), handHandler("B", [[0, 20, 20, 20, 20], [2, 21, 21, 21, 21]])],
      riskManager: new NullRisk({ quantity: 3 }),
      strategy: {
        name: "meddler",
        calculateSignals: (event, view) => {
          for (const order of view.openOrders()) (order as { -readonly [K in keyof OrderEvent]: OrderEvent[K] }).quantity = 1000;
          return script.calculateSignals(event, view);
        },
      },
    });
    engine.run();
    expect(engine.snapshot().positions[0]).toMatchObject({ symbol: "B", quantity: 3 });
  });
});
