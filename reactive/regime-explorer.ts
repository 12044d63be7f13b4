// The regime explorer page: a notebook of cells run by the Observable runtime. Moving a control
// re-runs only the cells that depend on it: the classifier over the S&P 500 bars, then the chart.
import "@observablehq/inputs/dist/index.css";
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { Runtime } from "@observablehq/runtime";
import type * as arrow from "apache-arrow";
import { REGIMES, RuleBasedClassifier, barAt, barColumns, barInfo, readBarsArrow, regimePriceChart, type Regime } from "../src/browser.js";
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

main.define("classified", ["bars", "threshold", "volMeasure"], (bars: arrow.Table, threshold: number, volMeasure: "realized" | "atr") => {
  const classifier = new RuleBasedClassifier({ trendThreshold: threshold, trendExitThreshold: Math.min(20, threshold), volMeasure });
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
