import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { EngineSnapshot, StepReport } from "../../src/engine/engine-snapshot.js";
import type { EngineEvent } from "../../src/engine/events.js";
import type { StepTarget } from "../../src/engine/step-target.js";
import {
  anyRisk, calendarScenario, closeTimes, drawnBars, HOUR_MS, scenarioOptions, tableRows, type CalendarScenario, type DrawnBar,
} from "../fixtures/calendar-scenario.js";
import { expectSameRun } from "../fixtures/general-path.js";

// Engine invariants of issue 3 on multi-symbol data whose symbols trade on different calendars (see the
// fixture): exact accounting after every step, no look-ahead across all symbols, and stepping in any
// pieces giving the result of one run(); with PortfolioRiskManager (and protective stops) among the risk managers.

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

/** Checks the accounting of a snapshot against the last bars it shows, summed afresh. */
function checkAccounting(s: EngineSnapshot, allowShort: boolean): void {
  let marked = 0, gross = 0;
  for (const p of s.positions) {
    const last = s.lastBars[p.symbol]!.close;
    expect(p.lastPrice).toBe(last);
    expect(close(p.marketValue, p.quantity * last, Math.abs(p.marketValue))).toBe(true);
    expect(close(p.unrealizedPnl, p.quantity * (last - p.averagePrice), Math.abs(p.marketValue))).toBe(true);
    if (!allowShort) expect(p.quantity).toBeGreaterThan(0);
    marked += p.quantity * last;
    gross += Math.abs(p.quantity * last);
  }
  const scale = Math.abs(s.cash) + gross;
  expect(close(s.equity, s.cash + marked, scale)).toBe(true);
  expect(close(s.marketValue, marked, scale)).toBe(true);
  expect(close(s.grossExposure, gross, scale)).toBe(true);
  expect(s.cash).toBeGreaterThanOrEqual(0);
}

describe("BacktestEngine invariants on symbols with different calendars (properties)", () => {
  it("keeps equity = cash + sum of quantity x last close after every step, with commission, slippage and shorts", () => {
    let shortSteps = 0, costlyFills = 0;
    const costs = {
      allowShort: fc.constant(true),
      commission: fc.record({ perShare: fc.constantFrom(0.01, 0.5), fraction: fc.constantFrom(0.001, 0.01), minimum: fc.constantFrom(0, 1, 5) }),
      bps: fc.constantFrom(1, 25, 100),
      risk: anyRisk,
    };
    fc.assert(
      fc.property(calendarScenario(costs), (s) => {
        const engine = new BacktestEngine(scenarioOptions(s));
        const equityAfterStep: number[] = [];
        while (!engine.done) {
          const report = engine.step();
          checkAccounting(report.snapshot, true);
          equityAfterStep.push(report.snapshot.equity);
          if (report.snapshot.positions.some((p) => p.quantity < 0)) shortSteps++;
          costlyFills += report.events.filter((e) => e.type === "fill" && e.commission > 0 && e.slippage > 0).length;
        }
        const result = engine.results();
        expect(Array.from(result.equity.getChild("equity")!.toArray() as Float64Array)).toEqual(equityAfterStep);
        // Per-symbol P&L (realized + unrealized) adds up to the total equity at every step.
        const pnl = new Map<string, number>();
        const rows = tableRows(result.symbolEquity) as { symbol: string; ts: number; pnl: number }[];
        const steps = tableRows(result.equity) as { ts: number; equity: number }[];
        let r = 0;
        for (const step of steps) {
          for (; r < rows.length && rows[r]!.ts <= step.ts; r++) pnl.set(rows[r]!.symbol, rows[r]!.pnl);
          const total = [...pnl.values()].reduce((a, b) => a + b, 0);
          expect(Math.abs(s.initialCash + total - step.equity)).toBeLessThanOrEqual(1e-7 * Math.max(s.initialCash, Math.abs(step.equity)));
        }
      }),
      { numRuns: 200 },
    );
    expect(shortSteps).toBeGreaterThan(20);
    expect(costlyFills).toBeGreaterThan(20);
  });

  it("never changes a signal, order, fill or denial made at or before t when any bar of any symbol after t changes or disappears", () => {
    const perturbation = fc.array(
      fc.tuple(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 1, max: 1.2, noNaN: true }), fc.double({ min: 0.8, max: 1, noNaN: true }), fc.boolean()),
      { minLength: 72, maxLength: 72 },
    );
    fc.assert(
      fc.property(calendarScenario({ risk: anyRisk }), fc.nat(), perturbation, (s, pick, changes) => {
        const original = s.symbols.map(drawnBars);
        const times = closeTimes(original);
        const t = times[pick % times.length]!;
        let k = 0;
        const perturbed = original.map((bars) => bars.flatMap((b): DrawnBar[] => {
          const [fo, fc_, fh, fl, drop] = changes[k++ % changes.length]!;
          if (b.tsClose <= t) return [b];
          if (drop) return [];
          const open = b.open * fo, closePrice = b.close * fc_;
          return [{ ...b, open, close: closePrice, high: Math.max(open, closePrice, b.high) * fh, low: Math.min(open, closePrice, b.low) * fl, volume: b.volume * fo }];
        }));
        const a = new BacktestEngine(scenarioOptions(s, original));
        const b = new BacktestEngine(scenarioOptions(s, perturbed));
        const ra = a.stepUntil(t), rb = b.stepUntil(t);
        expect(ra.to).toBe(new Date(t).toISOString());
        expect(tableRows(b.journal())).toEqual(tableRows(a.journal()));
        expect(rb.events).toEqual(ra.events);
        const results = (e: BacktestEngine) => {
          const r = e.results();
          return { equity: tableRows(r.equity), symbolEquity: tableRows(r.symbolEquity), trades: r.tradeList, positions: r.openPositions, orders: r.openOrders };
        };
        expect(results(b)).toEqual(results(a));
        const state = ({ totalBars: _t, done: _d, warnings: _w, ...rest }: EngineSnapshot) => rest;
        expect(state(b.snapshot())).toEqual(state(a.snapshot()));
        // What was made up to t is also the start of the whole run's journal.
        const whole = tableRows(new BacktestEngine(scenarioOptions(s, original)).run().journal);
        expect(whole.slice(0, a.journal().numRows)).toEqual(tableRows(a.journal()));
      }),
      { numRuns: 200 },
    );
  });

  type Piece =
    | { kind: "time"; at: number; form: "ms" | "iso" | "between" }
    | { kind: "bars" | "steps"; n: number }
    | { kind: "event"; type: EngineEvent["type"]; symbol: number; maxSteps: number }
    | { kind: "when"; test: "flat" | "invested" | "below" | "cash"; maxSteps: number }
    | { kind: "step" };

  const piece: fc.Arbitrary<Piece> = fc.oneof(
    fc.record({ kind: fc.constant("time" as const), at: fc.nat(), form: fc.constantFrom("ms" as const, "iso" as const, "between" as const) }),
    fc.record({ kind: fc.constantFrom("bars" as const, "steps" as const), n: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ kind: fc.constant("event" as const), type: fc.constantFrom("fill" as const, "signal" as const, "order" as const, "denied" as const, "market" as const), symbol: fc.integer({ min: 0, max: 3 }), maxSteps: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ kind: fc.constant("when" as const), test: fc.constantFrom("flat" as const, "invested" as const, "below" as const, "cash" as const), maxSteps: fc.integer({ min: 1, max: 12 }) }),
    fc.constant({ kind: "step" as const }),
  );

  /** Turns a drawn piece into a stepUntil target. */
  function target(p: Piece, times: readonly number[], s: CalendarScenario, symbols: readonly string[]): [StepTarget<BacktestEngine>, number | undefined] {
    switch (p.kind) {
      case "time": {
        const at = times[p.at % times.length]!;
        return [p.form === "ms" ? at : p.form === "iso" ? new Date(at).toISOString() : at + HOUR_MS / 2, undefined];
      }
      case "bars": return [{ bars: p.n }, undefined];
      case "steps": return [{ steps: p.n }, undefined];
      case "event": {
        const symbol = symbols[p.symbol];
        return [(e: EngineEvent) => e.type === p.type && (symbol === undefined || e.symbol === symbol), p.maxSteps];
      }
      case "when": {
        const tests = {
          flat: (x: EngineSnapshot) => x.positions.length === 0 && x.steps > 0,
          invested: (x: EngineSnapshot) => x.positions.length > 0,
          below: (x: EngineSnapshot) => x.equity < s.initialCash,
          cash: (x: EngineSnapshot) => x.cash !== s.initialCash,
        };
        return [{ when: tests[p.test] }, p.maxSteps];
      }
      case "step": return [{ steps: 1 }, undefined];
    }
  }

  const sameResults = expectSameRun;

  it("gives exactly the result of one run() when stepped in random pieces (times, ISO text, bar and step counts, event and state predicates)", () => {
    fc.assert(
      fc.property(calendarScenario({ risk: anyRisk }), fc.array(piece, { maxLength: 8 }), (s, pieces) => {
        const once = new BacktestEngine(scenarioOptions(s)).run();
        const times = closeTimes(s.symbols.map(drawnBars));
        const engine = new BacktestEngine(scenarioOptions(s));
        const symbols = engine.symbols;
        const reports: StepReport[] = [];
        for (const p of pieces) {
          if (engine.done) break;
          const next = engine.peek().nextTs;
          const [goal, maxSteps] = target(p, times, s, symbols);
          const report = engine.stepUntil(goal, maxSteps === undefined ? {} : { maxSteps });
          if (report.steps > 0) expect(report.from).toBe(next);
          expect(report.to).toBe(report.steps > 0 ? report.snapshot.ts : null);
          if (report.stoppedBy === "end") expect(report.snapshot.done).toBe(true);
          if (report.stoppedBy === "maxSteps") expect(report.steps).toBe(maxSteps);
          reports.push(report);
        }
        if (!engine.done) reports.push(engine.stepUntil({ when: () => false }));
        // The reports together hold every event of the run, in the journal's order.
        const journal = tableRows(engine.journal()) as { type: string; symbol: string; ts: number }[];
        expect(reports.flatMap((r) => r.events.map((e) => `${e.type} ${e.symbol} ${e.ts}`))).toEqual(journal.map((r) => `${r.type} ${r.symbol} ${r.ts}`));
        expect(reports.reduce((n, r) => n + r.steps, 0)).toBe(once.summary.steps);
        sameResults(engine.run(), once);
      }),
      { numRuns: 200 },
    );
  });
});
