// The risk explorer page: a notebook of cells run by the Observable runtime. Moving a control re-runs
// only the cells that depend on it: the backtest over five synthetic correlated symbols, then its charts.
import "@observablehq/inputs/dist/index.css";
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { Runtime } from "@observablehq/runtime";
import type * as arrow from "apache-arrow";
import {
  BacktestEngine, DataHandler, PortfolioRiskManager, SmaCrossStrategy, correlatedBars, equityCurvesChart, heatChart, sizingBreakdownChart,
  type BacktestResult, type RiskExplanation,
} from "../src/browser.js";
import { domObserver } from "./dom-observer.js";
import { inputValue } from "./input-value.js";
import { redrawTimer } from "./redraw-timer.js";

const SYMBOLS = ["AAA", "BBB", "CCC", "DDD", "EEE"];
const slot = (id: string): Element => document.querySelector(`#${id}`) ?? document.body.appendChild(Object.assign(document.createElement("div"), { id }));
const timer = redrawTimer();
const main = new Runtime().module();

main.variable(domObserver(slot("kelly-control"))).define("viewof kellyFraction", [], () =>
  Inputs.range([0.1, 1], { label: "Kelly fraction", step: 0.05, value: 0.5 }),
);
main.define("kellyFraction", ["viewof kellyFraction"], inputValue);
main.variable(domObserver(slot("floor-control"))).define("viewof floor", [], () =>
  Inputs.range([0, 1], { label: "drawdown floor (scale at 20% drawdown)", step: 0.05, value: 0.25 }),
);
main.define("floor", ["viewof floor"], inputValue);
main.variable(domObserver(slot("heat-control"))).define("viewof maxHeatPct", [], () =>
  Inputs.range([1, 10], { label: "heat limit (% of equity)", step: 0.5, value: 6 }),
);
main.define("maxHeatPct", ["viewof maxHeatPct"], inputValue);

main.define("tables", [], (): arrow.Table[] => correlatedBars({ symbols: SYMBOLS, n: 1000, seed: 7 }).tables);

interface RiskRun {
  readonly result: BacktestResult;
  readonly riskTable: arrow.Table;
  readonly lastApproved: RiskExplanation | undefined;
  readonly label: string;
}

main.define("run", ["tables", "kellyFraction", "floor", "maxHeatPct"], (tables: arrow.Table[], kellyFraction: number, floor: number, maxHeatPct: number): RiskRun => {
  const riskManager = new PortfolioRiskManager({
    kelly: { fraction: kellyFraction, minTrades: 10, maxRiskFraction: 0.05 },
    maxHeat: maxHeatPct / 100,
    maxPositionRisk: Math.min(0.02, maxHeatPct / 100),
    drawdown: { floor, floorAt: 0.2, haltAt: 0.3 },
  });
  const engine = new BacktestEngine({ handlers: tables.map((t) => DataHandler.fromTable(t)), strategy: new SmaCrossStrategy({ fast: 5, slow: 20 }), riskManager });
  const result = engine.run();
  const lastApproved = riskManager.decisions().filter((d) => d.allowed && d.direction !== "exit").at(-1);
  return { result, riskTable: riskManager.riskTable(), lastApproved, label: `kelly ${kellyFraction}, floor ${floor}, heat ${maxHeatPct}%` };
});

main.variable(domObserver(slot("equity"))).define("equity", ["run"], (run: RiskRun) => {
  const figure = Plot.plot(equityCurvesChart(run.result, { title: `P&L by symbol (${run.label})`, width: 960, height: 360 }));
  figure.setAttribute("data-label", run.label);
  queueMicrotask(() => timer.drawn(run.label));
  return figure;
});

main.variable(domObserver(slot("heat"))).define("heat", ["run"], (run: RiskRun) => {
  const figure = Plot.plot(heatChart(run.riskTable, { title: `Portfolio heat over time (limit ${run.label.split("heat ")[1]})`, width: 960, height: 240 }));
  figure.setAttribute("data-label", run.label);
  return figure;
});

main.variable(domObserver(slot("sizing"))).define("sizing", ["run"], (run: RiskRun) => {
  if (run.lastApproved === undefined) return "no approved entry in this run";
  const figure = Plot.plot(sizingBreakdownChart(run.lastApproved, { width: 960 }));
  figure.setAttribute("data-label", run.label);
  return figure;
});
