// The regime explorer page: a notebook of cells run by the Observable runtime. Moving a control
// re-runs only the cells that depend on it: the classifier over the S&P 500 bars, then the chart;
// the confusion matrix on synthetic bars; the SMA cross alone vs regime-gated, through the engine.
import "@observablehq/inputs/dist/index.css";
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { Runtime } from "@observablehq/runtime";
import type * as arrow from "apache-arrow";
import {
  BacktestEngine, DataHandler, REGIMES, RegimeGatedStrategy, RuleBasedClassifier, SmaCrossStrategy, barAt, barColumns, barInfo, confusionMatrix,
  readBarsArrow, regimePriceChart, regimeSwitchingBars, trueRegimeTimeline, type ConfusionMatrix, type Metrics, type Regime, type RuleBasedClassifierOptions,
  type Strategy,
} from "../src/browser.js";
import { domObserver } from "./dom-observer.js";
import { inputValue } from "./input-value.js";
import { redrawTimer } from "./redraw-timer.js";

const DATA_URL = "data/sp500-2000.arrow";
const slot = (id: string): Element => document.querySelector(`#${id}`) ?? document.body.appendChild(Object.assign(document.createElement("div"), { id }));
const timer = redrawTimer();
const main = new Runtime().module();

main.variable(domObserver(slot("threshold-control"))).define("viewof threshold", [], () =>
  Inputs.range([10, 50], { label: "ADX trend threshold", step: 1, value: 25 }),
);
main.define("threshold", ["viewof threshold"], inputValue);
main.variable(domObserver(slot("vol-control"))).define("viewof volMeasure", [], () =>
  Inputs.select(["realized", "atr"] as const, { label: "volatility measure", value: "realized" }),
);
main.define("volMeasure", ["viewof volMeasure"], inputValue);

main.define("bars", [], async (): Promise<arrow.Table> => {
  const response = await fetch(DATA_URL);
  if (!response.ok) throw new Error(`could not fetch ${DATA_URL}: HTTP ${response.status}`);
  return readBarsArrow(new Uint8Array(await response.arrayBuffer()), { source: DATA_URL }).table;
});

main.define("params", ["threshold", "volMeasure"], (threshold: number, volMeasure: "realized" | "atr"): RuleBasedClassifierOptions => ({
  trendThreshold: threshold,
  trendExitThreshold: Math.min(20, threshold),
  volMeasure,
}));

main.define("classified", ["bars", "params"], (bars: arrow.Table, params: RuleBasedClassifierOptions) => {
  const classifier = new RuleBasedClassifier(params);
  const columns = barColumns(bars);
  const { symbol } = barInfo(bars);
  const counts: Record<Regime, number> = { "trending-up": 0, "trending-down": 0, ranging: 0, "high-volatility": 0 };
  for (let i = 0; i < bars.numRows; i++) {
    const regime = classifier.update(barAt(columns, i, symbol));
    if (regime !== null) counts[regime]++;
  }
  return { history: classifier.history(), counts };
});

main.variable(domObserver(slot("chart"))).define(
  "chart",
  ["bars", "classified", "threshold", "volMeasure"],
  (bars: arrow.Table, classified: { history: arrow.Table }, threshold: number, volMeasure: string) => {
    const options = regimePriceChart(bars, classified.history, {
      title: `S&P 500 by regime (ADX threshold ${threshold}, ${volMeasure} volatility)`,
      yScale: "log",
      width: 960,
      height: 420,
    });
    const figure = Plot.plot(options);
    figure.setAttribute("data-threshold", String(threshold));
    queueMicrotask(() => timer.drawn(`threshold ${threshold}, ${volMeasure}`));
    return figure;
  },
);

main.variable(domObserver(slot("counts"))).define("counts", ["classified"], (classified: { counts: Record<Regime, number> }) => {
  const total = REGIMES.reduce((sum, r) => sum + classified.counts[r], 0);
  const list = document.createElement("ul");
  for (const regime of REGIMES) {
    const item = document.createElement("li");
    const share = total === 0 ? 0 : (100 * classified.counts[regime]) / total;
    item.textContent = `${regime}: ${classified.counts[regime]} bars (${share.toFixed(1)} %)`;
    list.append(item);
  }
  return list;
});

/** Runs a classifier over a bar table and returns its prediction per bar (null while warming up). */
function predict(table: arrow.Table, params: RuleBasedClassifierOptions): (Regime | null)[] {
  const classifier = new RuleBasedClassifier(params);
  const columns = barColumns(table);
  const { symbol } = barInfo(table);
  return Array.from({ length: table.numRows }, (_, i) => classifier.update(barAt(columns, i, symbol)));
}

/** Returns an HTML table with a header row and body rows of text cells (the first cell of a row as its header). */
function htmlTable(header: readonly string[], rows: readonly (readonly string[])[]): HTMLTableElement {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const text of header) head.append(Object.assign(document.createElement("th"), { textContent: text }));
  const body = table.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    cells.forEach((text, i) => row.append(Object.assign(document.createElement(i === 0 ? "th" : "td"), { textContent: text })));
  }
  return table;
}

const percent = (x: number | null): string => (x === null ? "n/a" : `${(100 * x).toFixed(1)} %`);
const fixed = (x: number | null): string => (x === null ? "n/a" : x.toFixed(2));

// Synthetic bars with true regime labels: generated once, they depend on no control.
main.define("synthetic", [], () => {
  const { table, labels } = regimeSwitchingBars({ n: 2000, seed: 1 });
  return { table, truth: trueRegimeTimeline(labels).map((r) => r.regime) };
});

main.variable(domObserver(slot("confusion"))).define(
  "confusion",
  ["synthetic", "params"],
  (synthetic: { table: arrow.Table; truth: Regime[] }, params: RuleBasedClassifierOptions) => {
    const m: ConfusionMatrix = confusionMatrix(synthetic.truth, predict(synthetic.table, params));
    const section = document.createElement("section");
    section.setAttribute("data-threshold", String(params.trendThreshold));
    section.append(Object.assign(document.createElement("h2"), { textContent: "Confusion matrix on synthetic regime-switching bars (n 2000, seed 1)" }));
    section.append(
      Object.assign(document.createElement("p"), {
        className: "scores",
        textContent:
          `accuracy ${percent(m.accuracy)}, balanced accuracy ${percent(m.balancedAccuracy)}, ` +
          `majority rate ${percent(m.majorityRate)} (${m.majorityLabel ?? "none"}); ${m.n} bars scored, ${m.skipped} warming up`,
      }),
    );
    const rows = m.labels.map((label, i) => [label, ...m.counts[i]!.map(String)]);
    section.append(htmlTable(["true \\ predicted", ...m.labels], rows));
    return section;
  },
);

main.variable(domObserver(slot("gated"))).define("gated", ["bars", "params"], (bars: arrow.Table, params: RuleBasedClassifierOptions) => {
  const run = (strategy: Strategy): { metrics: Metrics; trades: number } => {
    const result = new BacktestEngine({ handlers: [DataHandler.fromTable(bars)], strategy }).run();
    return { metrics: result.metrics, trades: result.tradeList.length };
  };
  const alone = run(new SmaCrossStrategy({ fast: 10, slow: 30 }));
  const gated = run(
    new RegimeGatedStrategy({
      inner: new SmaCrossStrategy({ fast: 10, slow: 30 }),
      classifier: () => new RuleBasedClassifier(params),
      allow: ["trending-up", "ranging", "trending-down"],
      allowWarmUp: true,
    }),
  );
  const section = document.createElement("section");
  section.setAttribute("data-threshold", String(params.trendThreshold));
  section.append(Object.assign(document.createElement("h2"), { textContent: "SMA cross (10/30) on the S&P 500: alone vs gated (no trades in high volatility)" }));
  const row = (name: string, r: { metrics: Metrics; trades: number }) => [
    name, percent(r.metrics.totalReturn), fixed(r.metrics.sharpe), percent(r.metrics.maxDrawdown), String(r.trades),
  ];
  section.append(htmlTable(["strategy", "total return", "Sharpe", "max drawdown", "trades"], [row("SMA cross alone", alone), row("regime-gated", gated)]));
  return section;
});
