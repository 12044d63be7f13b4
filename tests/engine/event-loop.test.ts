import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { EngineEvent } from "../../src/engine/events.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { closeOf, flatBars, handHandler, openOf, type HandBar } from "../fixtures/hand-bars.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

const A: HandBar[] = [[0, 10, 11, 9, 10], [1, 12, 13, 11, 12.5], [2, 13, 14, 12, 13], [3, 14, 15, 13, 14]];
const B: HandBar[] = [[0, 20, 21, 19, 20], [1, 19, 20, 18, 19.5], [2, 18, 19, 17, 18], [3, 17, 18, 16, 17]];
const brief = (events: EngineEvent[]) => events.map((e) => `${e.type} ${e.symbol}`);

describe("the engine's step (EventLoop)", () => {
  it("orders a timestamp's events: fills of earlier orders, market data, signals, risk decisions, new orders", () => {
    const strategy = scriptedStrategy({ A: { 0: "long", 1: "exit" }, B: { 0: "long", 1: "short" } });
    const engine = new BacktestEngine({ handlers: [handHandler("A", A), handHandler("B", B)], strategy, riskManager: new NullRisk({ quantity: 10 }) });
    const first = engine.step();
    expect(brief(first.events)).toEqual(["market A", "market B", "signal A", "signal B", "order A", "order B"]);
    const second = engine.step();
    expect(brief(second.events)).toEqual(["fill A", "fill B", "market A", "market B", "signal A", "signal B", "order A", "denied B"]);
    expect(second.events[7]).toMatchObject({ type: "denied", code: "SHORTING_DISABLED", direction: "short" });
    expect(first.from).toBe(first.to);
    expect(first.to).toBe(new Date(closeOf(0)).toISOString());
  });

  it("gives the strategy every bar of a timestamp only after all of them are marked", () => {
    const seenEquity: number[] = [];
    const engine = new BacktestEngine({
      handlers: [handHandler("A", A), handHandler("B", B)],
      strategy: { name: "probe", calculateSignals: (_e, view) => { seenEquity.push(view.marketValue + view.cash); return undefined; } },
    });
    engine.run();
    expect(seenEquity.every((e) => e === 100_000)).toBe(true);
    expect(seenEquity).toHaveLength(8);
  });

  it("fills an order at the next bar of its own symbol, at its open, never at a price known before the decision", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", [[0, 10, 11, 9, 10], [2, 12, 13, 11, 12]]), handHandler("B", flatBars([20, 21, 22]))],
      strategy: scriptedStrategy({ A: { 0: "long" } }),
      riskManager: new NullRisk({ quantity: 5 }),
    });
    engine.step();
    const day1 = engine.step();
    expect(day1.events.some((e) => e.type === "fill")).toBe(false);
    const day2 = engine.step();
    const fill = day2.events.find((e) => e.type === "fill");
    expect(fill).toMatchObject({ symbol: "A", price: 12, quantity: 5, ts: openOf(2) });
    expect(fill!.ts).toBeGreaterThan(closeOf(0));
  });

  it("fills at the next bar's close with fillAt close", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: "long" } }), riskManager: new NullRisk({ quantity: 5 }),
      execution: { fillAt: "close" },
    });
    engine.step();
    expect(engine.step().events[0]).toMatchObject({ type: "fill", price: 12.5, ts: closeOf(1) });
  });

  it("tracks MAE/MFE from the bars while open: with open fills the entry bar counts and the exit bar does not", () => {
    const bars: HandBar[] = [[0, 10, 10, 10, 10], [1, 10, 12, 8, 10], [2, 10, 15, 9, 11], [3, 11, 30, 1, 11]];
    const engine = new BacktestEngine({ handlers: [handHandler("A", bars)], strategy: scriptedStrategy({ A: { 0: "long", 2: "exit" } }), riskManager: new NullRisk() });
    const { tradeList } = engine.run();
    expect(tradeList).toEqual([expect.objectContaining({ entryPrice: 10, exitPrice: 11, mae: 2, mfe: 5, barsHeld: 2 })]);
  });

  it("tracks MAE/MFE with close fills: the exit bar counts and the entry bar does not", () => {
    const bars: HandBar[] = [[0, 10, 10, 10, 10], [1, 10, 30, 1, 10], [2, 10, 12, 9, 11], [3, 11, 14, 7, 12]];
    const engine = new BacktestEngine({
      handlers: [handHandler("A", bars)], strategy: scriptedStrategy({ A: { 0: "long", 2: "exit" } }), riskManager: new NullRisk(), execution: { fillAt: "close" },
    });
    expect(engine.run().tradeList).toEqual([expect.objectContaining({ entryPrice: 10, exitPrice: 12, mae: 3, mfe: 4, barsHeld: 2 })]);
  });

  it("denies an entry in the direction already held, and ignores an exit when flat", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: ["exit", "long"], 1: "long" } }), riskManager: new NullRisk({ quantity: 3 }),
    });
    const first = engine.step();
    expect(brief(first.events)).toEqual(["market A", "signal A", "signal A", "order A"]);
    const second = engine.step();
    expect(second.events.at(-1)).toMatchObject({ type: "denied", code: "ALREADY_IN_POSITION", details: { quantity: 3 } });
  });

  it("counts orders still waiting as held, so two entries in one step make one order", () => {
    const engine = new BacktestEngine({ handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: ["long", "long"] } }), riskManager: new NullRisk() });
    expect(brief(engine.step().events)).toEqual(["market A", "signal A", "signal A", "order A", "denied A"]);
  });

  it("reverses a long into a short with one order of the held quantity plus the new one", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: "long", 1: "short" } }), riskManager: new NullRisk({ quantity: 4 }), allowShort: true,
    });
    engine.step();
    const second = engine.step();
    expect(second.events.at(-1)).toMatchObject({ type: "order", side: "sell", quantity: 8, direction: "short" });
    engine.step();
    expect(engine.snapshot().positions[0]).toMatchObject({ symbol: "A", quantity: -4 });
    expect(engine.snapshot().tradeCount).toBe(1);
  });

  it("covers a short before going long", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: "short", 1: "long" } }), riskManager: new NullRisk({ quantity: 2 }), allowShort: true,
    });
    engine.stepUntil({ steps: 2 });
    expect(engine.peek().pendingOrders[0]).toMatchObject({ side: "buy", quantity: 4, direction: "long" });
  });

  it("denies a zero-sized entry with ZERO_QUANTITY and a risk refusal with the risk manager's code", () => {
    const zero = new BacktestEngine({ handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: "long" } }), riskManager: new NullRisk({ quantity: 0 }) });
    expect(zero.step().events.at(-1)).toMatchObject({ type: "denied", code: "ZERO_QUANTITY" });
    const refusing = new BacktestEngine({
      handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: "long" } }),
      riskManager: { name: "no", canTrade: () => ({ allowed: false, code: "HALTED", message: "halted", details: { drawdown: 0.2 } }), computeQuantity: () => 1 },
    });
    expect(refusing.step().events.at(-1)).toMatchObject({ type: "denied", code: "HALTED", message: "halted", details: { drawdown: 0.2 } });
  });

  it("cuts a fill to what the cash affords and never lets cash go below zero", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([100, 100, 100]))], strategy: scriptedStrategy({ A: { 0: "long" } }),
      riskManager: new NullRisk({ quantity: 50 }), initialCash: 1000,
    });
    engine.step();
    const fill = engine.step().events[0];
    expect(fill).toMatchObject({ type: "fill", quantity: 10, requestedQuantity: 50 });
    expect(engine.snapshot().cash).toBe(0);
    expect(engine.snapshot().warnings.join()).toMatch(/INSUFFICIENT_CASH/);
  });

  it("denies an order at its fill when the cash cannot buy one unit", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([100, 2000]))], strategy: scriptedStrategy({ A: { 0: "long" } }), riskManager: new NullRisk(), initialCash: 1000,
    });
    engine.step();
    expect(engine.step().events[0]).toMatchObject({ type: "denied", code: "INSUFFICIENT_CASH", orderId: 1 });
  });

  it("fills an exit only up to the position left after an earlier fill was cut for cash", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([50, 50, 50]))], strategy: scriptedStrategy({ A: { 0: ["long", "exit"] } }),
      riskManager: new NullRisk({ quantity: 10 }), initialCash: 500, execution: { commission: { minimum: 5 } },
    });
    engine.step();
    const events = engine.step().events;
    expect(events[0]).toMatchObject({ type: "fill", side: "buy", quantity: 9, requestedQuantity: 10 });
    expect(events[1]).toMatchObject({ type: "fill", side: "sell", quantity: 9, requestedQuantity: 10 });
    expect(engine.snapshot().positions).toEqual([]);
  });

  it("denies with NO_POSITION an exit with nothing left to close", () => {
    const engine = new BacktestEngine({
      handlers: [handHandler("A", flatBars([50, 5000, 50]))], strategy: scriptedStrategy({ A: { 0: ["long", "exit"] } }),
      riskManager: new NullRisk({ quantity: 10 }), initialCash: 1000,
    });
    engine.step();
    expect(engine.step().events.slice(0, 2).map((e) => e.type === "denied" && e.code)).toEqual(["INSUFFICIENT_CASH", "NO_POSITION"]);
  });

  it("reports orders the data ended before they could fill, and keeps positions open and marked", () => {
    const engine = new BacktestEngine({ handlers: [handHandler("A", A)], strategy: scriptedStrategy({ A: { 0: "long", 3: "exit" } }), riskManager: new NullRisk() });
    const result = engine.run();
    expect(result.openOrders).toEqual([expect.objectContaining({ id: 2, side: "sell", direction: "exit" })]);
    expect(result.openPositions).toEqual([expect.objectContaining({ symbol: "A", quantity: 1, lastPrice: 14 })]);
    expect(result.tradeList).toEqual([]);
    expect(result.summary.warnings.join()).toMatch(/never filled/);
    expect(result.summary.finalEquity).toBe(100_000 - 12 + 14);
  });
});
