import { describe, expect, it } from "vitest";
import { barAt, barColumns } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { FillEvent, MarketEvent } from "../../src/engine/events.js";
import { NullClassifier } from "../../src/regime/null-classifier.js";
import { REGIMES, type Regime } from "../../src/regime/regimes.js";
import { RegimeGatedStrategy } from "../../src/strategy/regime-gated-strategy.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import type { Strategy } from "../../src/strategy/strategy.js";
import { usesFastPath } from "../../src/strategy/uses-fast-path.js";
import { closeOf, flatBars, handHandler, openOf, type HandBar } from "../fixtures/hand-bars.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { ScriptedClassifier } from "../fixtures/scripted-classifier.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

const UP: Regime = "trending-up", DOWN: Regime = "trending-down", RANGE: Regime = "ranging";

/** Bars whose open on day d is 100 + d and close 100.5 + d, so a fill price names its bar. */
const steps = (n: number): HandBar[] => Array.from({ length: n }, (_, d) => [d, 100 + d, 101 + d, 99 + d, 100.5 + d]);

const eventsOf = (symbol: string, n: number): MarketEvent[] => {
  const c = barColumns(randomWalkBars(n, symbol));
  return Array.from({ length: n }, (_, i) => ({ type: "market", ts: c.tsClose[i]!, symbol, bar: barAt(c, i, symbol) }));
};

/** Runs an engine to the end and returns its fills. */
const fillsOf = (engine: BacktestEngine): FillEvent[] => engine.stepUntil({ steps: 10_000 }).events.filter((e): e is FillEvent => e.type === "fill");

describe("RegimeGatedStrategy", () => {
  it("passes entries in approved regimes, withholds them elsewhere and in warm-up, and lets exits through by default", () => {
    const inner = scriptedStrategy({ TEST: { 0: "long", 1: "long", 2: "exit", 3: "short", 4: "long" } });
    const gate = new RegimeGatedStrategy({ inner, classifier: new ScriptedClassifier([UP, DOWN, DOWN, UP, null]), allow: [UP] });
    const out = eventsOf("TEST", 5).map((e) => gate.calculateSignals(e));
    expect(out.map((s) => (s === undefined ? null : (s as { direction: string }).direction))).toEqual(["long", null, "exit", "short", null]);
    expect(gate.decisions().map((d) => [d.direction, d.regime, d.regimeAllowed, d.action, d.code])).toEqual([
      ["long", UP, true, "passed", null],
      ["long", DOWN, false, "suppressed", "REGIME_NOT_ALLOWED"],
      ["exit", DOWN, false, "passed", null],
      ["short", UP, true, "passed", null],
      ["long", null, false, "suppressed", "WARM_UP"],
    ]);
    expect(gate.suppressedList().map((s) => s.inspection?.features.barIndex)).toEqual([1, 4]);
  });

  it("gates exits too with gateExits, and lets warm-up entries through with allowWarmUp", () => {
    const run = (options: { gateExits?: boolean; allowWarmUp?: boolean }) => {
      const inner = scriptedStrategy({ TEST: { 0: "long", 1: "exit", 2: "exit" } });
      const gate = new RegimeGatedStrategy({ inner, classifier: new ScriptedClassifier([null, DOWN, UP]), allow: [UP], ...options });
      return eventsOf("TEST", 3).map((e) => (gate.calculateSignals(e) as { direction: string } | undefined)?.direction ?? null);
    };
    expect(run({})).toEqual([null, "exit", "exit"]);
    expect(run({ gateExits: true })).toEqual([null, null, "exit"]);
    expect(run({ allowWarmUp: true })).toEqual(["long", "exit", "exit"]);
  });

  it("approves each direction in its own regimes", () => {
    const inner = scriptedStrategy({ TEST: { 0: "long", 1: "short", 2: "long", 3: "short" } });
    const gate = new RegimeGatedStrategy({ inner, classifier: new ScriptedClassifier([UP, UP, DOWN, DOWN]), allow: { long: [UP], short: [DOWN] } });
    eventsOf("TEST", 4).forEach((e) => gate.calculateSignals(e));
    expect(gate.decisions().map((d) => d.action)).toEqual(["passed", "suppressed", "suppressed", "passed"]);
    expect(gate.name).toBe("scripted, gated (long in trending-up; short in trending-down)");
  });

  it("makes a regime from bar N gate only orders that fill at bar N+1 or later, and feeds bar N to the classifier before the strategy", () => {
    const log: string[] = [];
    const script = scriptedStrategy({ X: { 2: "long", 3: "exit", 4: "long", 5: "long", 7: "exit" } });
    const inner: Strategy = { name: "logged", calculateSignals: (e, p) => (log.push(`strategy X ${script.seen.length}`), script.calculateSignals(e, p)) };
    //                                       0   1   2   3     4     5   6   7   8
    const classifier = new ScriptedClassifier([UP, UP, UP, DOWN, DOWN, UP, UP, UP, UP], log);
    const gate = new RegimeGatedStrategy({ inner, classifier, allow: [UP] });
    const fills = fillsOf(new BacktestEngine({ handlers: [handHandler("X", steps(9))], strategy: gate }));
    // bar 2 (up) -> buy at bar 3's open although bar 3 is down; exit at 3 -> sell at 4; long at 4 (down) withheld; long at 5 (up) -> buy at 6
    expect(fills.map((f) => [f.side, f.ts, f.price])).toEqual([
      ["buy", openOf(3), 103], ["sell", openOf(4), 104], ["buy", openOf(6), 106], ["sell", openOf(8), 108],
    ]);
    expect(gate.suppressedList().map((s) => [s.ts, s.regime])).toEqual([[closeOf(4), DOWN]]);
    expect(log.slice(0, 6)).toEqual(["classifier X 0", "strategy X 0", "classifier X 1", "strategy X 1", "classifier X 2", "strategy X 2"]);
  });

  it("reduces a reversal whose new entry is not approved to an exit, so no position is trapped", () => {
    const inner = scriptedStrategy({ X: { 0: "long", 2: "short", 4: "long" } });
    const gate = new RegimeGatedStrategy({ inner, classifier: new ScriptedClassifier([UP, UP, UP, UP, DOWN, DOWN]), allow: { long: [UP], short: [DOWN] } });
    const engine = new BacktestEngine({ handlers: [handHandler("X", steps(6))], strategy: gate, allowShort: true });
    const fills = fillsOf(engine);
    expect(fills.map((f) => [f.side, f.ts])).toEqual([["buy", openOf(1)], ["sell", openOf(3)]]);
    expect(engine.snapshot().positions).toEqual([]);
    expect(gate.suppressedList().map((s) => [s.direction, s.action])).toEqual([["short", "reduced-to-exit"], ["long", "suppressed"]]);
    const gated = new RegimeGatedStrategy({ inner: scriptedStrategy({ X: { 0: "long", 2: "short", 4: "long" } }), classifier: new ScriptedClassifier([UP, UP, UP, UP, DOWN, DOWN]), allow: { long: [UP], short: [DOWN] }, gateExits: true });
    const engine2 = new BacktestEngine({ handlers: [handHandler("X", steps(6))], strategy: gated, allowShort: true });
    expect(fillsOf(engine2).map((f) => f.side)).toEqual(["buy"]);
  });

  it("routes each symbol's bars to its own classifier, made by the factory on the symbol's first bar", () => {
    const made: Record<string, ScriptedClassifier> = {};
    const scripts: Record<string, Regime[]> = { A: [UP, UP, UP], B: [DOWN, DOWN, DOWN] };
    const inner = scriptedStrategy({ A: { 0: "long" }, B: { 0: "long" } });
    const gate = new RegimeGatedStrategy({ inner, classifier: (symbol) => (made[symbol] = new ScriptedClassifier(scripts[symbol]!)), allow: [UP] });
    const fills = fillsOf(new BacktestEngine({ handlers: [handHandler("A", flatBars([10, 11, 12])), handHandler("B", flatBars([20, 21, 22]))], strategy: gate }));
    expect(fills.map((f) => f.symbol)).toEqual(["A"]);
    expect(made.A!.seen.map((b) => b.symbol)).toEqual(["A", "A", "A"]);
    expect(made.B!.seen.map((b) => b.close)).toEqual([20, 21, 22]);
    expect(gate.classifierOf("B")).toBe(made.B);
    expect(gate.regimeHistory("B").getChild("regime")!.toArray()).toEqual([DOWN, DOWN, DOWN]);
    expect(gate.suppressedList().map((s) => [s.symbol, s.regime])).toEqual([["B", DOWN]]);
  });

  it("rejects one classifier instance over two symbols, and a factory that shares one instance", () => {
    const handlers = () => [handHandler("A", flatBars([10, 11])), handHandler("B", flatBars([20, 21]))];
    const single = new RegimeGatedStrategy({ inner: scriptedStrategy({}), classifier: new NullClassifier(), allow: [RANGE] });
    expect(() => new BacktestEngine({ handlers: handlers(), strategy: single }).run()).toThrow(/invalid classifier: one RegimeClassifier instance \(null\(ranging\)\) classifies "A" and was handed a bar of "B"/);
    const shared = new NullClassifier();
    const sharing = new RegimeGatedStrategy({ inner: scriptedStrategy({}), classifier: () => shared, allow: [RANGE] });
    expect(() => new BacktestEngine({ handlers: handlers(), strategy: sharing }).run()).toThrow(/a new classifier per symbol, not the one of "A"/);
  });

  it("forwards currentAtr and inspect of the wrapped strategy, adding the gate's view", () => {
    const table = randomWalkBars(300, "RW");
    const plain = new SmaCrossStrategy({ fast: 5, slow: 20 });
    new BacktestEngine({ handlers: [DataHandler.fromTable(table)], strategy: plain }).run();
    const gate = new RegimeGatedStrategy({ inner: new SmaCrossStrategy({ fast: 5, slow: 20 }), classifier: () => new NullClassifier({ regime: UP }), allow: [UP] });
    new BacktestEngine({ handlers: [DataHandler.fromTable(table)], strategy: gate }).run();
    expect(gate.currentAtr("RW")).toBe(plain.currentAtr("RW"));
    const view = gate.inspect("RW");
    expect(view).toMatchObject({ ...plain.inspect("RW"), gate: { regime: UP, entriesAllowed: { long: true, short: true }, counts: { suppressed: 0 } } });
    expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
    expect(gate.inspect("NONE")).toMatchObject({ symbol: "NONE", gate: { regime: null, classifier: null } });
    expect(gate.currentAtr("NONE")).toBeUndefined();
  });

  it("runs ungated (every regime approved) exactly like the inner strategy alone, through its general path", () => {
    const table = randomWalkBars(1500, "RW", 5);
    const alone = new BacktestEngine({ handlers: [DataHandler.fromTable(table)], strategy: new SmaCrossStrategy({ fast: 5, slow: 20 }) }).run();
    const gate = new RegimeGatedStrategy({ inner: new SmaCrossStrategy({ fast: 5, slow: 20 }), classifier: () => new NullClassifier(), allow: REGIMES });
    expect(usesFastPath(gate)).toBe(false);
    const gated = new BacktestEngine({ handlers: [DataHandler.fromTable(table)], strategy: gate }).run();
    expect(alone.tradeList.length).toBeGreaterThan(10);
    expect(gated.tradeList).toEqual(alone.tradeList);
    expect(gated.equity.getChild("equity")!.toArray()).toEqual(alone.equity.getChild("equity")!.toArray());
    expect(gated.journal.toArray().map((r) => r.toJSON())).toEqual(alone.journal.toArray().map((r) => r.toJSON()));
    expect(gate.suppressedList()).toEqual([]);
  });

  it("replays identically after reset()", () => {
    const table = randomWalkBars(600, "RW", 9);
    const regimes = Array.from({ length: 600 }, (_, i) => REGIMES[Math.floor(i / 37) % 4]!);
    const gate = new RegimeGatedStrategy({ inner: new SmaCrossStrategy({ fast: 5, slow: 20 }), classifier: () => new ScriptedClassifier(regimes), allow: [UP, RANGE] });
    const engine = new BacktestEngine({ handlers: [DataHandler.fromTable(table)], strategy: gate });
    const first = engine.run();
    const records = { decisions: gate.decisions(), suppressed: gate.suppressedList(), history: gate.regimeHistory("RW").toArray().map((r) => r.toJSON()) };
    expect(records.suppressed.length).toBeGreaterThan(3);
    const second = engine.reset().run();
    expect(second.tradeList).toEqual(first.tradeList);
    expect({ decisions: gate.decisions(), suppressed: gate.suppressedList(), history: gate.regimeHistory("RW").toArray().map((r) => r.toJSON()) }).toEqual(records);
  });

  it("refuses to reset when the inner strategy cannot", () => {
    const gate = new RegimeGatedStrategy({ inner: { name: "stateful", calculateSignals: () => undefined }, classifier: new NullClassifier(), allow: [RANGE] });
    gate.reset();
    gate.calculateSignals(eventsOf("TEST", 1)[0]!);
    expect(() => gate.reset()).toThrow(/inner strategy "stateful" has no reset\(\)/);
  });

  it("keeps suppressed records that survive a JSON round trip, and tables of them", () => {
    const inner = scriptedStrategy({ TEST: { 1: { direction: "long", options: { stopPrice: 90, strength: 0.5 } }, 2: "short" } });
    const gate = new RegimeGatedStrategy({ inner, classifier: new ScriptedClassifier([UP, DOWN, null]), allow: [UP] });
    eventsOf("TEST", 3).forEach((e) => gate.calculateSignals(e));
    const list = gate.suppressedList();
    expect(JSON.parse(JSON.stringify(list))).toStrictEqual(list);
    expect(list[0]).toMatchObject({ direction: "long", strength: 0.5, stopPrice: 90, regime: DOWN, code: "REGIME_NOT_ALLOWED", reason: "script long", inspection: { rule: "script[1]" } });
    const table = gate.suppressed();
    expect(table.schema.fields.map((f) => f.name)).toEqual(["ts", "symbol", "direction", "strength", "stopPrice", "reason", "regime", "action", "code", "inspection"]);
    expect(table.getChild("regime")!.toArray()).toEqual([DOWN, null]);
    expect(table.getChild("stopPrice")!.get(1)).toBeNull();
    expect(JSON.parse(table.getChild("inspection")!.get(0) as string)).toEqual(list[0]!.inspection);
    expect(gate.decisionTable().getChild("action")!.toArray()).toEqual(["suppressed", "suppressed"]);
  });

  it("rejects bad options, naming them", () => {
    const inner = scriptedStrategy({});
    expect(() => new RegimeGatedStrategy({ inner, classifier: new NullClassifier(), allow: ["bull" as Regime] })).toThrow(/invalid allow\[0\]: "bull"/);
    expect(() => new RegimeGatedStrategy({ inner, classifier: new NullClassifier(), allow: { exit: [UP] } as never })).toThrow(/invalid allow: "exit"/);
    expect(() => new RegimeGatedStrategy({ inner, classifier: new NullClassifier(), allow: [UP], gateExits: "yes" as never })).toThrow(/invalid gateExits: "yes"/);
    expect(() => new RegimeGatedStrategy({ inner, classifier: 3 as never, allow: [UP] })).toThrow(/invalid classifier: 3/);
    expect(() => new RegimeGatedStrategy({ inner, classifier: new NullClassifier(), allow: [UP] }).regimeHistory("X")).toThrow(/invalid symbol: "X"/);
  });
});
