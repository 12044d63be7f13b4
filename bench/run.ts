// `npm run bench`: every benchmark of regime-lab, one table, and JSON in out/bench/results.json.
import { printTable, writeJson, type BenchRow } from "./harness.js";
import { runEngineBench } from "./engine-bench.js";
import { runMergeBench } from "./merge-bench.js";
import { runHmmBench } from "./hmm-bench.js";
import { runRegimeBench } from "./regime-bench.js";
import { runSmcBench } from "./smc-bench.js";
import { runBrowserBench } from "./browser-bench.js";
import { runSweepBench } from "./sweep-bench.js";

// A suite returns its rows, or a Promise of them (the browser suite drives chromium).
const suites: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  merge: runMergeBench, engine: runEngineBench, regime: runRegimeBench, hmm: runHmmBench, smc: runSmcBench, browser: runBrowserBench, sweep: runSweepBench,
};
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`running ${name} ...`);
  rows.push(...(await run()));
}
printTable(rows);
writeJson("out/bench/results.json", rows);
console.log("\nwrote out/bench/results.json");
