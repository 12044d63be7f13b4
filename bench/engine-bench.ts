// Engine benchmark (issue 3): the standard case of ../shared/BENCHMARKS.md, each data set in its own process.
import { spawnSync } from "node:child_process";
import type { BenchRow } from "./harness.js";

const CASES: Record<string, string> = { a: "a: real S&P 500, 5,105 bars", b: "b: 1,000,000 bars, one symbol", c: "c: 10 symbols x 100,000 bars" };

export function runEngineBench(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [key, label] of Object.entries(CASES)) {
    const child = spawnSync(process.execPath, ["--import", "tsx", "bench/engine-case.ts", key], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`engine case ${key} failed:\n${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split("\n").pop()!);
    const rate = r.bars / r.runSeconds;
    const floor = r.bars / r.plainSeconds;
    const sameDecisions = r.engineEntries === r.plainEntries;
    rows.push({
      suite: "engine", case: `SmaCross(10,30) ${label}`, items: r.bars, unit: "bars", seconds: r.runSeconds, perSecond: rate,
      target: ">= 1M bars/s, <= 10x floor", met: rate >= 1e6 && r.plainSeconds * 10 >= r.runSeconds,
      note: `${(r.runSeconds / r.plainSeconds).toFixed(1)}x the plain loop (${(floor / 1e6).toFixed(0)}M bars/s); peak RSS ${r.maxRssMb.toFixed(0)} MB; entries ${r.engineEntries} vs loop ${r.plainEntries}${sameDecisions ? "" : " (DIFFER)"}`,
      extra: { ...r, barsPerSecond: rate, floorBarsPerSecond: floor },
    });
  }
  return rows;
}
