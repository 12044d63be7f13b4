import { describe, expect, it } from "vitest";
import { barColumns } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { SignalEvent } from "../../src/engine/events.js";
import { ATR } from "../../src/indicators/atr.js";
import { NullClassifier } from "../../src/regime/null-classifier.js";
import { PortfolioRiskManager } from "../../src/risk/portfolio-risk-manager.js";
import { killZoneOf } from "../../src/sessions/kill-zone-of.js";
import { detectFairValueGaps } from "../../src/smc/fair-value-gap-detector.js";
import { detectOrderBlocks } from "../../src/smc/order-block-detector.js";
import { detectStructureBreaks } from "../../src/smc/structure-break-detector.js";
import { RegimeGatedStrategy } from "../../src/strategy/regime-gated-strategy.js";
import { SmcStrategy } from "../../src/strategy/smc-strategy.js";
import { intradaySessionBars } from "../../src/synthetic/intraday-session-bars.js";

const { tables, symbols } = intradaySessionBars({ start: "2024-02-01", end: "2024-04-30", interval: "15m", seed: 3 });
const run = (strategy: SmcStrategy | RegimeGatedStrategy, data = tables) => {
  const engine = new BacktestEngine({ handlers: data.map((t) => DataHandler.fromTable(t)), strategy, riskManager: new PortfolioRiskManager(), allowShort: true });
  const result = engine.run();
  return { engine, result, signals: result.journal.toArray().filter((r) => r.type === "signal").map((r) => r.toJSON()) as unknown as (SignalEvent & { ts: number })[] };
};

describe("SmcStrategy", () => {
  const strategy = new SmcStrategy();
  const { result, signals } = run(strategy);
  const entries = signals.filter((s) => s.direction !== "exit");

  it("trades every symbol of a multi-symbol run, with a stop on every entry", () => {
    expect(new Set(entries.map((s) => s.symbol))).toEqual(new Set(symbols));
    expect(entries.length).toBeGreaterThan(30);
    expect(entries.every((s) => typeof s.stopPrice === "number" && s.stopPrice > 0)).toBe(true);
    expect(result.tradeList.some((t) => t.exitReason === "stop")).toBe(true);
  });

  it("enters only in a kill zone, with the structure, on a retrace into a zone of its direction, stop beyond the close", () => {
    for (const symbol of symbols) {
      const table = tables[symbols.indexOf(symbol)]!;
      const c = barColumns(table);
      const breaks = detectStructureBreaks(table).toArray().map((r) => r.toJSON());
      const zones = [...detectFairValueGaps(table).toArray(), ...detectOrderBlocks(table).toArray()].map((r) => r.toJSON());
      for (const s of entries.filter((e) => e.symbol === symbol)) {
        const row = c.tsClose.indexOf(s.ts);
        expect(killZoneOf(c.tsOpen[row]!)).not.toBeNull();
        const known = breaks.filter((b) => b.knownAt <= s.ts);
        const last = known[known.length - 1]!;
        const long = s.direction === "long";
        expect(String(last.kind).endsWith(long ? "bullish" : "bearish")).toBe(true);
        expect(zones.some((z) => z.mitigatedAt === s.ts && String(z.kind).endsWith(long ? "-bullish" : "-bearish"))).toBe(true);
        if (long) expect(s.stopPrice!).toBeLessThan(c.close[row]!);
        else expect(s.stopPrice!).toBeGreaterThan(c.close[row]!);
      }
    }
  });

  it("never decides on later bars: changing every bar after a cut changes no signal up to it", () => {
    const cut = Math.floor(tables[0]!.numRows / 2);
    const t = tables[0]!.getChild("tsClose")!.get(cut) as number;
    const changed = tables.map((table) => {
      const c = barColumns(table);
      const copy = { tsOpen: c.tsOpen.slice(), tsClose: c.tsClose.slice(), open: c.open.slice(), high: c.high.slice(), low: c.low.slice(), close: c.close.slice(), volume: c.volume.slice() };
      for (let i = 0; i < copy.close.length; i++) {
        if (copy.tsClose[i]! <= t) continue;
        const f = 1 + 0.03 * Math.sin(i);
        copy.open[i]! *= f; copy.high[i]! *= f * 1.01; copy.low[i]! *= f * 0.99; copy.close[i]! *= f;
      }
      return { copy, table };
    });
    // Rebuild the tables with the same metadata through the data module.
    return import("../../src/data/bar-table.js").then(({ makeBarTable, barInfo }) => {
      const perturbed = changed.map(({ copy, table }) => makeBarTable(copy, barInfo(table)));
      const other = run(new SmcStrategy(), perturbed).signals.filter((s) => s.ts <= t);
      expect(other).toEqual(signals.filter((s) => s.ts <= t));
    });
  });

  it("reports the ATR it sizes stops with, and explains its state as plain data", () => {
    const atr = new ATR(14);
    const c = barColumns(tables[0]!);
    for (let i = 0; i < c.close.length; i++) atr.update(c.high[i]!, c.low[i]!, c.close[i]!);
    expect(strategy.currentAtr(symbols[0]!)).toBeCloseTo(atr.getResult()!, 12);
    const inspection = strategy.inspect(symbols[0]!);
    expect(JSON.parse(JSON.stringify(inspection))).toStrictEqual(inspection);
    expect(inspection).toMatchObject({ symbol: symbols[0], bars: c.close.length });
    expect(["bullish", "bearish", "none"]).toContain(inspection.direction);
  });

  it("replays identically after reset, and runs unchanged inside a regime gate that allows everything", () => {
    strategy.reset();
    const again = run(strategy);
    expect(again.signals).toEqual(signals);
    const gated = run(new RegimeGatedStrategy({ inner: new SmcStrategy(), classifier: () => new NullClassifier(), allow: ["ranging"] }));
    expect(gated.signals).toEqual(signals);
  });

  it("trades at any hour without kill zones, and checks its options", () => {
    expect(run(new SmcStrategy({ killZones: null })).signals.filter((s) => s.direction !== "exit").length).toBeGreaterThan(entries.length);
    expect(() => new SmcStrategy({ swingLength: 0 })).toThrow(/invalid swingLength/);
    expect(() => new SmcStrategy({ zones: "wedges" as never })).toThrow(/invalid zones/);
  });
});
