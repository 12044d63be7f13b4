// Shared by the per-bar suites (regime classifiers, SMC detectors): the standard 1,000,000-bar series of
// BENCHMARKS.md case b and the floor of building one Bar object per bar over it.
import { readFileSync } from "node:fs";
import type { BarColumns } from "../src/core/types.js";
import { barAt, barColumns } from "../src/data/bar-table.js";
import { parseBarsCsv } from "../src/data/parse-bars-csv.js";
import { medianSeconds } from "./harness.js";
import { longSeries } from "./standard-data.js";

/** Returns the standard series (the real S&P 500 file rescaled and repeated, case b) as columns of `bars` bars. */
export function standardColumns(bars = 1_000_000): BarColumns {
  const { table: real } = parseBarsCsv(readFileSync("data/sp500-2000.csv", "utf8"), {
    symbol: "SPX", timeZone: "America/New_York", interval: "1d", session: { open: "09:30", close: "16:00" }, source: "data/sp500-2000.csv",
  });
  return barColumns(longSeries(barColumns(real), bars));
}

/** Returns the median seconds of building one Bar object per row (what every per-bar consumer pays at least). */
export function barObjectFloorSeconds(columns: BarColumns): number {
  const n = columns.close.length;
  return medianSeconds(() => {
    let s = 0;
    for (let i = 0; i < n; i++) s += barAt(columns, i, "SPXx").close;
    if (!(s > 0)) throw new Error("no bars");
  });
}
