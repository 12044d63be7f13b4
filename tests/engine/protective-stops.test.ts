import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { EngineEvent } from "../../src/engine/events.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { closeOf, handHandler, openOf, type HandBar } from "../fixtures/hand-bars.js";
import { scriptedStrategy, type ScriptEntry } from "../fixtures/scripted-strategy.js";

// Protective stops, computed by hand: an entry order with a stop gives its position that stop; a later
// bar reaching it closes the position with a "stop" order and its fill.

const long = (stopPrice: number): ScriptEntry => ({ direction: "long", options: { stopPrice } });
const short = (stopPrice: number): ScriptEntry => ({ direction: "short", options: { stopPrice } });

function engine(bars: HandBar[], script: Record<number, ScriptEntry>, options: { fillAt?: "open" | "close"; allowShort?: boolean; costs?: boolean } = {}) {
  return new BacktestEngine({
    handlers: [handHandler("A", bars)], strategy: scriptedStrategy({ A: script }), riskManager: new NullRisk({ quantity: 10 }),
    allowShort: options.allowShort ?? false,
    execution: { fillAt: options.fillAt ?? "open", ...(options.costs ? { commission: { perShare: 0.5 }, slippage: { bps: 100 } } : {}) },
  });
}

const brief = (events: EngineEvent[]) => events.filter((e) => e.type !== "market" && e.type !== "signal").map((e) =>
  e.type === "order" ? `order#${e.id} ${e.orderType} ${e.side} ${e.quantity}` : e.type === "fill" ? `fill#${e.orderId} ${e.side} ${e.quantity} @${e.price}` : `denied ${e.code}`);

describe("protective stops in the engine", () => {
  it("exits a long at its stop when a later bar's low reaches it, as a stop order and its fill at the bar's close time", () => {
    const e = engine([[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 99, 100, 94, 96], [3, 96, 97, 90, 91]], { 0: long(95) });
    e.step();
    const entry = e.step();
    expect(entry.snapshot.positions[0]).toMatchObject({ quantity: 10, stopPrice: 95 });
    const hit = e.step();
    expect(brief(hit.events)).toEqual(["order#2 stop sell 10", "fill#2 sell 10 @95"]);
    expect(hit.events.find((x) => x.type === "order")).toMatchObject({ ts: closeOf(2), direction: "exit", stopPrice: 95, reason: expect.stringMatching(/stop 95 of order 1: the bar's low 94 reached it/) });
    expect(hit.events.find((x) => x.type === "fill")).toMatchObject({ ts: closeOf(2) });
    expect(hit.snapshot.positions).toEqual([]);
    const result = e.run();
    expect(result.tradeList).toEqual([expect.objectContaining({ side: "long", entryPrice: 100, exitPrice: 95, exitReason: "stop", barsHeld: 1, mae: 5 })]);
    expect(result.trades.getChild("exitReason")!.toArray()).toEqual(["stop"]);
    const orders = result.journal.toArray().filter((r) => r.type === "order").map((r) => [r.orderId, r.orderType, r.stopPrice]);
    expect(orders).toEqual([[1, "market", 95], [2, "stop", 95]]);
  });

  it("fills at the open when the bar gaps below a long's stop, at the bar's open time", () => {
    const e = engine([[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 93, 97, 92, 96]], { 0: long(95) });
    const events = e.stepUntil({ steps: 3 }).events;
    expect(brief(events)).toEqual(["order#1 market buy 10", "fill#1 buy 10 @100", "order#2 stop sell 10", "fill#2 sell 10 @93"]);
    expect(events.filter((x) => x.type === "fill")[1]).toMatchObject({ ts: openOf(2) });
  });

  it.each([
    ["intrabar", [2, 101, 106, 100, 104] as HandBar, 105],
    ["gap", [2, 107, 108, 103, 104] as HandBar, 107],
  ])("exits a short at its stop when a bar's high reaches it (%s)", (_name, bar, price) => {
    const e = engine([[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], bar], { 0: short(105) }, { allowShort: true });
    const events = e.stepUntil({ steps: 3 }).events;
    expect(brief(events)).toEqual(["order#1 market sell 10", "fill#1 sell 10 @100", "order#2 stop buy 10", `fill#2 buy 10 @${price}`]);
    expect(e.results().tradeList[0]).toMatchObject({ side: "short", exitPrice: price, exitReason: "stop" });
  });

  it("can stop a position on its entry bar with fills at the open, and only from the next bar with fills at the close", () => {
    const bars: HandBar[] = [[0, 100, 101, 99, 100], [1, 100, 101, 94, 97], [2, 97, 98, 93, 95]];
    const open = engine(bars, { 0: long(95) }).stepUntil({ steps: 2 }).events;
    expect(brief(open)).toEqual(["order#1 market buy 10", "fill#1 buy 10 @100", "order#2 stop sell 10", "fill#2 sell 10 @95"]);
    const close = engine(bars, { 0: long(95) }, { fillAt: "close" });
    expect(brief(close.stepUntil({ steps: 2 }).events)).toEqual(["order#1 market buy 10", "fill#1 buy 10 @97"]);
    expect(brief(close.step().events)).toEqual(["order#2 stop sell 10", "fill#2 sell 10 @95"]);
  });

  it("takes commission and slippage on a stop fill from the execution handler", () => {
    const e = engine([[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 99, 100, 94, 96]], { 0: long(95) }, { costs: true });
    const fill = e.stepUntil({ steps: 3 }).events.filter((x) => x.type === "fill")[1]!;
    expect(fill).toMatchObject({ side: "sell", quantity: 10, commission: 5 });
    if (fill.type === "fill") {
      expect(fill.price).toBeCloseTo(95 * 0.99, 10);
      expect(fill.slippage).toBeCloseTo(9.5, 10);
    }
  });

  it("clears the stop when a market exit closes the position, so a later bar below it does nothing", () => {
    const e = engine([[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 101, 102, 100, 101], [3, 99, 100, 80, 85]], { 0: long(95), 1: "exit" });
    const r = e.run();
    expect(r.tradeList).toEqual([expect.objectContaining({ exitPrice: 101 })]);
    expect(r.tradeList[0]!.exitReason).toBeUndefined();
    expect(r.journal.toArray().filter((x) => x.orderType === "stop")).toEqual([]);
  });

  it("keeps the stop after a fill that leaves part of the position, and stops out what is left", () => {
    // A reversal cut at its fill (by the risk manager's maxFillQuantity) to 4 units only reduces the long.
    const bars: HandBar[] = [[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 102, 103, 101, 102], [3, 99, 100, 94, 96]];
    const risk = Object.assign(new NullRisk({ quantity: 10 }), { maxFillQuantity: (o: { direction: string }) => (o.direction === "short" ? 4 : Infinity) });
    const e = new BacktestEngine({ handlers: [handHandler("A", bars)], strategy: scriptedStrategy({ A: { 0: long(95), 1: "short" } }), riskManager: risk, allowShort: true });
    const cut = e.stepUntil({ steps: 3 });
    expect(brief(cut.events).slice(-1)).toEqual(["fill#2 sell 4 @102"]);
    expect(cut.snapshot.positions[0]).toMatchObject({ quantity: 6, stopPrice: 95 });
    expect(brief(e.step().events)).toEqual(["order#3 stop sell 6", "fill#3 sell 6 @95"]);
  });

  it("replaces the stop on a reversal, which then protects the new short", () => {
    const bars: HandBar[] = [[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 102, 103, 101, 102], [3, 102, 103, 90, 95], [4, 96, 112, 95, 111]];
    const e = engine(bars, { 0: long(95), 1: short(110) }, { allowShort: true });
    const reversal = e.stepUntil({ steps: 3 });
    expect(brief(reversal.events).slice(-2)).toEqual(["order#2 market sell 20", "fill#2 sell 20 @102"]);
    expect(reversal.snapshot.positions[0]).toMatchObject({ quantity: -10, stopPrice: 110 });
    expect(brief(e.step().events)).toEqual([]);
    expect(brief(e.step().events)).toEqual(["order#3 stop buy 10", "fill#3 buy 10 @110"]);
  });

  it("drops a stop when a reversal without a stop of its own fills", () => {
    const bars: HandBar[] = [[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 102, 103, 101, 102], [3, 102, 103, 90, 95]];
    const e = engine(bars, { 0: long(95), 1: "short" }, { allowShort: true });
    expect(e.stepUntil({ steps: 3 }).snapshot.positions[0]).toMatchObject({ quantity: -10 });
    expect(e.snapshot().positions[0]!.stopPrice).toBeUndefined();
    expect(e.portfolioView.stopPrice("A")).toBeUndefined();
    expect(brief(e.step().events)).toEqual([]);
  });

  it("with fills at the close checks the stop before the bar's orders: an exit finds nothing to close, a reversal only opens", () => {
    const bars: HandBar[] = [[0, 100, 101, 99, 100], [1, 100, 102, 98, 101], [2, 100, 101, 94, 97]];
    const exit = engine(bars, { 0: long(95), 1: "exit" }, { fillAt: "close" });
    expect(brief(exit.stepUntil({ steps: 3 }).events).slice(-3)).toEqual(["order#3 stop sell 10", "fill#3 sell 10 @95", "denied NO_POSITION"]);
    const reversal = engine(bars, { 0: long(95), 1: "short" }, { fillAt: "close", allowShort: true });
    const events = reversal.stepUntil({ steps: 3 }).events;
    expect(brief(events).slice(-3)).toEqual(["order#3 stop sell 10", "fill#3 sell 10 @95", "fill#2 sell 10 @97"]);
    expect(events.filter((x) => x.type === "fill").at(-1)).toMatchObject({ requestedQuantity: 20 });
    expect(reversal.snapshot().positions[0]).toMatchObject({ quantity: -10 });
  });
});
