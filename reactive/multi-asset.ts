// The multi-asset page: a notebook of cells run by the Observable runtime. Choosing symbols re-runs the
// backtest over them, then the per-symbol P&L curves and the return correlation heatmap.
import "@observablehq/inputs/dist/index.css";
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { Runtime } from "@observablehq/runtime";
import type * as arrow from "apache-arrow";
import {
  BacktestEngine, DataHandler, FixedFractionRisk, SmaCrossStrategy, barInfo, correlatedBars, correlationHeatmap, equityCurvesChart,
  type BacktestResult,
} from "../src/browser.js";
import { domObserver } from "./dom-observer.js";
import { inputValue } from "./input-value.js";
import { redrawTimer } from "./redraw-timer.js";

const SYMBOLS = ["AAA", "BBB", "CCC", "DDD", "EEE"];
/** Two pairs of closely tied symbols, loosely tied across pairs, and one nearly independent symbol. */
const CORRELATION = [
  [1, 0.8, 0.3, 0.3, 0.1],
  [0.8, 1, 0.3, 0.3, 0.1],
  [0.3, 0.3, 1, 0.7, 0.1],
  [0.3, 0.3, 0.7, 1, 0.1],
  [0.1, 0.1, 0.1, 0.1, 1],
];
const slot = (id: string): Element => document.querySelector(`#${id}`) ?? document.body.appendChild(Object.assign(document.createElement("div"), { id }));
const timer = redrawTimer();
const main = new Runtime().module();

main.variable(domObserver(slot("symbols-control"))).define("viewof symbols", [], () =>
  Inputs.checkbox(SYMBOLS, { label: "symbols", value: SYMBOLS.slice(0, 3) }),
);
main.define("symbols", ["viewof symbols"], inputValue);

main.define("tables", [], (): Map<string, arrow.Table> => {
  const { tables } = correlatedBars({ symbols: SYMBOLS, correlation: CORRELATION, n: 1000, seed: 11 });
  return new Map(tables.map((t) => [barInfo(t).symbol, t]));
});

main.define("result", ["tables", "symbols"], (tables: Map<string, arrow.Table>, symbols: string[]): BacktestResult | null => {
  if (symbols.length === 0) return null;
  const handlers = SYMBOLS.filter((s) => symbols.includes(s)).map((s) => DataHandler.fromTable(tables.get(s)!));
  return new BacktestEngine({ handlers, strategy: new SmaCrossStrategy({ fast: 5, slow: 20 }), riskManager: new FixedFractionRisk() }).run();
});

const labelOf = (symbols: readonly string[]): string => (symbols.length === 0 ? "none" : SYMBOLS.filter((s) => symbols.includes(s)).join(" "));

main.variable(domObserver(slot("equity"))).define("equity", ["result", "symbols"], (result: BacktestResult | null, symbols: string[]) => {
  const label = labelOf(symbols);
  queueMicrotask(() => timer.drawn(label));
  if (result === null) return "choose at least one symbol";
  const figure = Plot.plot(equityCurvesChart(result, { title: `P&L by symbol (${label})`, valueAs: "percent", width: 960, height: 360 }));
  figure.setAttribute("data-symbols", label);
  return figure;
});

main.variable(domObserver(slot("correlation"))).define("correlation", ["result", "symbols"], (result: BacktestResult | null, symbols: string[]) => {
  if (result === null || symbols.length < 2) return "choose two symbols or more for a correlation";
  const figure = Plot.plot(correlationHeatmap(result.correlation, { title: `Return correlation (${labelOf(symbols)})` }));
  figure.setAttribute("data-symbols", labelOf(symbols));
  return figure;
});
