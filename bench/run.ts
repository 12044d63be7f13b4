// `npm run bench`: every benchmark of regime-lab, one table, and JSON in out/bench/results.json.
import { printTable, writeJson, type BenchRow } from "./harness.js";
import { runEngineBench } from "./engine-bench.js";
import { runMergeBench } from "./merge-bench.js";
import { runHmmBench } from "./hmm-bench.js";
import { runRegimeBench } from "./regime-bench.js";
import { runSmcBench } from "./smc-bench.js";

const suites: Record<string, () => BenchRow[]> = { merge: runMergeBench, engine: runEngineBench, regime: runRegimeBench, hmm: runHmmBench, smc: runSmcBench };
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`running ${name} ...`);
  rows.push(...run());
}
printTable(rows);
writeJson("out/bench/results.json", rows);
console.log("\nwrote out/bench/results.json");
