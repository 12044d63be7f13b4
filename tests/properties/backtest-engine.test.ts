import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { BacktestEngineOptions } from "../../src/engine/backtest-engine-options.js";
import type { EngineEvent, MarketEvent, SignalDirection } from "../../src/engine/events.js";
import { FixedFractionRisk } from "../../src/risk/fixed-fraction-risk.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { createSignal } from "../../src/strategy/create-signal.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { closeOf, handHandler, type HandBar } from "../fixtures/hand-bars.js";
import { expectSameRun } from "../fixtures/general-path.js";

/** One symbol's bars as drawn: the days it has a bar on, and per bar a gap, a return and two wick sizes. */
interface SymbolDraw { days: number[]; moves: [number, number, number, number][] }
interface Scenario {
  symbols: SymbolDraw[];
  strategy: "sma" | "random";
  decisions: number[];
  allowShort: boolean;
  risk: { kind: "fraction"; fraction: number } | { kind: "fixed"; quantity: number };
  initialCash: number;
  fillAt: "open" | "close";
  commission: { perShare: number; fraction: number; minimum: number };
  bps: number;
}

const symbolDraw: fc.Arbitrary<SymbolDraw> = fc
  .uniqueArray(fc.integer({ min: 0, max: 45 }), { minLength: 1, maxLength: 40 })
  .chain((days) => fc.record({
    days: fc.constant([...days].sort((a, b) => a - b)),
    moves: fc.array(fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -0.08, max: 0.08, noNaN: true }), fc.double({ min: 0, max: 0.03, noNaN: true }), fc.double({ min: 0, max: 0.03, noNaN: true })), { minLength: days.length, maxLength: days.length }),
  }));

const scenario: fc.Arbitrary<Scenario> = fc.record({
  symbols: fc.array(symbolDraw, { minLength: 1, maxLength: 3 }),
  strategy: fc.constantFrom("sma" as const, "random" as const),
  decisions: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 30 }),
  allowShort: fc.boolean(),
  risk: fc.oneof(
    fc.record({ kind: fc.constant("fraction" as const), fraction: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant("fixed" as const), quantity: fc.integer({ min: 0, max: 400 }) }),
  ),
  initialCash: fc.integer({ min: 500, max: 100_000 }),
  fillAt: fc.constantFrom("open" as const, "close" as const),
  commission: fc.record({ perShare: fc.constantFrom(0, 0.01, 0.5), fraction: fc.constantFrom(0, 0.001, 0.01), minimum: fc.constantFrom(0, 1, 5) }),
  bps: fc.constantFrom(0, 1, 25),
});

const NAMES = ["A", "B", "C"];

/** Returns the bars of a drawn symbol; `scale(day)` multiplies the prices of that day's bar (1 = as drawn). */
function bars(draw: SymbolDraw, scale: (day: number) => number = () => 1): HandBar[] {
  let close = 50;
  return draw.days.map((day, i) => {
    const [gap, ret, up, down] = draw.moves[i]!;
    const open = close * (1 + gap);
    close = open * (1 + ret);
    const k = scale(day);
    return [day, open * k, Math.max(open, close) * (1 + up) * k, Math.min(open, close) * (1 - down) * k, close * k];
  });
}

/** A strategy that emits signals from a fixed list of decisions, by call count, whatever the prices. */
function randomStrategy(decisions: readonly number[]): Strategy {
  let calls = 0;
  const directions: SignalDirection[] = ["long", "short", "exit"];
  return {
    name: "random",
    calculateSignals(event: MarketEvent) {
      const d = decisions[calls++ % decisions.length]!;
      if (d < 4) return undefined;
      if (d === 9) return [createSignal(event, "long", "r"), createSignal(event, "exit", "r")];
      return createSignal(event, directions[d % 3]!, "r", { strength: (d + 1) / 10 });
    },
    reset() { calls = 0; },
  };
}

function options(s: Scenario, scale?: (day: number) => number): BacktestEngineOptions {
  return {
    handlers: s.symbols.map((draw, i) => handHandler(NAMES[i]!, bars(draw, scale))),
    strategy: s.strategy === "sma" ? new SmaCrossStrategy({ fast: 2, slow: 4, allowShort: s.allowShort }) : randomStrategy(s.decisions),
    riskManager: s.risk.kind === "fraction" ? new FixedFractionRisk({ fraction: s.risk.fraction }) : new NullRisk({ quantity: s.risk.quantity }),
    allowShort: s.allowShort,
    initialCash: s.initialCash,
    execution: { fillAt: s.fillAt, commission: s.commission, slippage: { bps: s.bps } },
  };
}

/** Steps one timestamp at a time to the end, returning each step's time and events. */
function stepwise(engine: BacktestEngine): { to: string | null; events: EngineEvent[] }[] {
  const out: { to: string | null; events: EngineEvent[] }[] = [];
  while (!engine.done) {
    const r = engine.step();
    out.push({ to: r.to, events: r.events });
  }
  return out;
}

const sameResults = expectSameRun;

describe("BacktestEngine (properties)", () => {
  it("keeps equity = cash + marked positions and cash >= 0 after every event, and no short unless enabled", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const engine = new BacktestEngine(options(s));
        let events = 0;
        engine.stepUntil((_event, e) => {
          events++;
          const view = e.portfolioView;
          let marked = view.cash;
          for (const symbol of view.symbols) {
            const q = view.quantity(symbol);
            if (q !== 0) marked += q * view.lastPrice(symbol)!;
            if (!s.allowShort) expect(q).toBeGreaterThanOrEqual(0);
          }
          expect(Math.abs(view.equity - marked)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(marked)));
          expect(view.cash).toBeGreaterThanOrEqual(0);
          return false;
        });
        expect(engine.done).toBe(true);
        expect(events).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it("never changes a signal, order or fill made at or before t when the bars after t change (no look-ahead)", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 46, maxLength: 46 }), (s, pick, factors) => {
        const allDays = [...new Set(s.symbols.flatMap((d) => d.days))].sort((a, b) => a - b);
        const cut = allDays[pick % allDays.length]!;
        const original = stepwise(new BacktestEngine(options(s)));
        const perturbed = stepwise(new BacktestEngine(options(s, (day) => (day > cut ? factors[day]! : 1))));
        const upTo = (steps: typeof original) => steps.filter((x) => x.to !== null && x.to <= new Date(closeOf(cut)).toISOString());
        expect(upTo(perturbed)).toEqual(upTo(original));
        expect(upTo(original).length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it("gives identical results for the same inputs, and stepping in random pieces equals run()", () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.tuple(fc.constantFrom("steps", "bars", "time", "fill", "step"), fc.integer({ min: 1, max: 8 })), { maxLength: 6 }), (s, pieces) => {
        const once = new BacktestEngine(options(s)).run();
        sameResults(new BacktestEngine(options(s)).run(), once);
        const engine = new BacktestEngine(options(s));
        for (const [kind, n] of pieces) {
          if (engine.done) break;
          if (kind === "steps") engine.stepUntil({ steps: n });
          else if (kind === "bars") engine.stepUntil({ bars: n });
          else if (kind === "time") engine.stepUntil(closeOf(n * 5));
          else if (kind === "fill") engine.stepUntil((e) => e.type === "fill", { maxSteps: n });
          else engine.step();
        }
        sameResults(engine.run(), once);
      }),
      { numRuns: 100 },
    );
  });
});
