// One engine benchmark case in its own process (so its peak memory is its own): reads the real CSV, builds
// the standard data, times SmaCross(10, 30) through BacktestEngine.run() and the plain-loop floor, prints JSON.
import { readFileSync } from "node:fs";
import { parseBarsCsv } from "../src/data/parse-bars-csv.js";
import { barColumns } from "../src/data/bar-table.js";
import { DataHandler } from "../src/data/data-handler.js";
import { BacktestEngine } from "../src/engine/backtest-engine.js";
import { SmaCrossStrategy } from "../src/strategy/sma-cross-strategy.js";
import { longSeries, plainLoopEntries, sharedCalendar } from "./standard-data.js";
import { steadyMedianSeconds } from "./harness.js";

const which = process.argv[2] ?? "b";
const t0 = performance.now();
const { table: real } = parseBarsCsv(readFileSync("data/sp500-2000.csv", "utf8"), {
  symbol: "SPX", timeZone: "America/New_York", interval: "1d", session: { open: "09:30", close: "16:00" }, source: "data/sp500-2000.csv",
});
const loadSeconds = (performance.now() - t0) / 1000;
const realColumns = barColumns(real);
const tables = which === "a" ? [real] : which === "b" ? [longSeries(realColumns, 1_000_000)] : sharedCalendar(realColumns, 10, 100_000);
const handlers = tables.map((t) => DataHandler.fromTable(t));
const bars = handlers.reduce((n, h) => n + h.length!, 0);

// Both the engine and the plain loop: at least 4 discarded warm-up runs and 0.3 s of them, then the median
// of at least 5 timed runs and 1 s of them (case c, about 40 ms a run, gets about 25: a run in which the
// garbage collector compacts the heap, every second run or so, is several ms slower, and the median of
// 5 or 6 could land on one). (Until Nov 2026 the engine had 1 warm-up and the median of 3, the loop 1 and
// 5: the engine's median then still included the JIT's and heap's settling, about 40% slower on the first
// timed run of case b; then 4 and 5 for every case, which left case a's 5,105 bars measured before the JIT
// had settled; then at least 0.2 s of timed runs, 5 or 6 runs of case c, whose median swung by 10%.)
const STEADY = { warmups: 4, warmupSeconds: 0.3, runs: 5, runSeconds: 1 };
let trades = 0;
const runSeconds = steadyMedianSeconds(() => {
  const engine = new BacktestEngine({ handlers, strategy: new SmaCrossStrategy({ fast: 10, slow: 30 }), initialCash: 1e80 });
  const result = engine.run();
  // entries decided: closed round trips + positions still open + entry orders decided on the last bar, never filled
  trades = result.summary.tradeCount + result.openPositions.length + result.openOrders.filter((o) => o.side === "buy").length;
}, STEADY);
let plainEntries = 0;
const plainSeconds = steadyMedianSeconds(() => {
  plainEntries = 0;
  for (const h of handlers) plainEntries += plainLoopEntries(h.columns!.close);
}, STEADY);
console.log(JSON.stringify({
  case: which, bars, loadSeconds, runSeconds, plainSeconds, engineEntries: trades, plainEntries,
  maxRssMb: peakRssMb(),
}));

/**
 * Returns this process's peak resident memory in MB: VmHWM of /proc/self/status, which belongs to this
 * process's own address space. getrusage's maxRSS is not used: Linux carries it over from the parent
 * across fork, so a bench parent that had grown (the merge suite) would show in every case.
 */
function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm !== null) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS / 1024;
}
