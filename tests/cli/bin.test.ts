import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the regime-lab command", () => {
  it("runs through npx from the package's bin and exits non-zero on a bad argument", () => {
    const ok = spawnSync("npx", ["--no-install", "regime-lab", "backtest", "--data", "data/sp500-2000.arrow", "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary.bars).toBe(5105);
    const bad = spawnSync("npx", ["--no-install", "regime-lab", "backtest", "--data", "data/sp500-2000.arrow", "--slow", "x"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('regime-lab: invalid --slow: "x" (expected a whole number >= 1); see `regime-lab backtest --help`\n');
  }, 30_000);
});
