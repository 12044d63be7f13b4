// One process of the sweep bench's machine ceiling: runs the bench grid in this thread (warm-up, then
// the median of 5) and prints {"seconds": s, "runs": n} on stdout. sweep-bench.ts starts two at once.
import { loadBars } from "../src/node/load-bars.js";
import { inProcessExecutor } from "../src/sweep/in-process-executor.js";
import { sweepBars } from "../src/sweep/sweep-bars.js";
import { runSweep } from "../src/sweep/sweep-in-process.js";
import { SWEEP_BENCH_SPEC } from "./sweep-bench-spec.js";

const tables = sweepBars([loadBars("data/sp500-2000.arrow").table]);
const executor = inProcessExecutor(tables);
const times: number[] = [];
let runs = 0;
for (let k = 0; k < 8; k++) {
  const t0 = performance.now();
  runs = (await runSweep(tables, SWEEP_BENCH_SPEC, executor)).table.numRows;
  if (k >= 3) times.push((performance.now() - t0) / 1000);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ seconds: times[2], runs }));
