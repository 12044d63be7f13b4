import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { until } from "../../src/engine/step-target.js";
import { NullRisk } from "../../src/risk/null-risk.js";
import { closeOf, flatBars, handHandler } from "../fixtures/hand-bars.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

const iso = (ms: number) => new Date(ms).toISOString();
const make = (maxReportEvents?: number) =>
  new BacktestEngine({
    handlers: [handHandler("A", flatBars([10, 11, 12, 13, 14, 15])), handHandler("B", flatBars([20, 21, 22], 2))],
    strategy: scriptedStrategy({ A: { 1: "long", 4: "exit" }, B: { 1: "long" } }),
    riskManager: new NullRisk({ quantity: 2 }),
    maxReportEvents,
  });

describe("engine.stepUntil", () => {
  it("steps while the next timestamp is at or before a time given in epoch ms", () => {
    const report = make().stepUntil(closeOf(2));
    expect([report.steps, report.bars, report.stoppedBy, report.from, report.to]).toEqual([3, 4, "until", iso(closeOf(0)), iso(closeOf(2))]);
  });

  it("reads ISO text without an offset in the first symbol's exchange zone, and with one as given", () => {
    expect(make().stepUntil("2024-01-03").steps).toBe(2);
    expect(make().stepUntil("2024-01-03T16:00").steps).toBe(3);
    expect(make().stepUntil("2024-01-03T20:59:59Z").steps).toBe(2);
  });

  it("runs no step when the next timestamp is already after the target", () => {
    const report = make().stepUntil(0);
    expect([report.steps, report.from, report.to, report.stoppedBy]).toEqual([0, null, null, "until"]);
  });

  it("consumes at least n bars with { bars: n }, in whole timestamps", () => {
    const engine = make();
    engine.stepUntil({ steps: 2 });
    const report = engine.stepUntil({ bars: 1 });
    expect([report.steps, report.bars]).toEqual([1, 2]);
  });

  it("stops after the step with the next fill of a symbol", () => {
    const engine = make();
    const report = engine.stepUntil(until.nextFill("B"));
    expect(report.stoppedBy).toBe("predicate");
    expect(report.to).toBe(iso(closeOf(4)));
    expect(report.events.filter((e) => e.type === "fill").map((e) => e.symbol)).toEqual(["A", "B"]);
  });

  it("stops after the step with the next signal, order or denial", () => {
    expect(make().stepUntil(until.nextSignal()).to).toBe(iso(closeOf(1)));
    expect(make().stepUntil(until.nextOrder("B")).to).toBe(iso(closeOf(3)));
    expect(make().stepUntil(until.nextDenied()).stoppedBy).toBe("end");
  });

  it("stops when the snapshot after a step satisfies { when }", () => {
    const report = make().stepUntil({ when: (s) => s.positions.length > 0 });
    expect(report.snapshot.positions[0]).toMatchObject({ symbol: "A", quantity: 2 });
    expect(report.stoppedBy).toBe("predicate");
  });

  it("gives a predicate each event with the engine", () => {
    const seen: string[] = [];
    make().stepUntil((event, engine) => {
      seen.push(event.type);
      return engine.snapshot().tradeCount > 0;
    });
    expect(seen.filter((t) => t === "fill")).toHaveLength(3);
  });

  it("stops at maxSteps, and at the end of the data", () => {
    expect(make().stepUntil(until.nextDenied(), { maxSteps: 2 })).toMatchObject({ steps: 2, stoppedBy: "maxSteps" });
    const engine = make();
    expect(engine.stepUntil(Number.MAX_SAFE_INTEGER)).toMatchObject({ steps: 6, bars: 9, stoppedBy: "end" });
    expect(engine.done).toBe(true);
  });

  it("keeps the most recent events when there are more than maxReportEvents", () => {
    const report = make(3).stepUntil({ steps: 6 });
    expect(report.events).toHaveLength(3);
    expect(report.eventsDropped).toBe(report.bars + 9 - 3);
    expect(report.events.at(-1)).toMatchObject({ type: "market", symbol: "A", ts: closeOf(5) });
  });

  it("rejects targets it cannot read", () => {
    expect(() => make().stepUntil("next tuesday")).toThrow(/invalid target: "next tuesday"/);
    expect(() => make().stepUntil({ bars: 0 })).toThrow(/invalid target.bars: 0/);
    expect(() => make().stepUntil({} as { steps: number })).toThrow(/invalid target/);
    expect(() => make().stepUntil({ steps: 1 }, { maxSteps: 0 })).toThrow(/invalid maxSteps/);
  });
});
