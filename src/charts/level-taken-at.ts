import type * as arrow from "apache-arrow";
import { barColumns } from "../data/bar-table.js";
import type { EqualLevel } from "../smc/equal-level-pairer.js";
import type { Sweep } from "../smc/sweep-detector.js";
import { requireColumns } from "./require-columns.js";

/** The fields of an equal level and a sweep read here. */
type LevelRow = Pick<EqualLevel, "kind" | "knownIndex" | "knownAt" | "level">;
type SweepRow = Pick<Sweep, "kind" | "ts" | "top" | "bottom">;

/**
 * Returns, per equal level, the close time of the bar that took it (epoch ms UTC), or undefined while
 * it stands. With `bars` (the table the detector ran on): the first bar after the level's confirmation
 * whose high (low) trades strictly beyond it, swept or broken. Without: the first later sweep of the
 * same side whose wick went beyond it.
 * @example levelTakenAt(pairs, sweeps, bars)[0]
 */
export function levelTakenAt(levels: readonly LevelRow[], sweeps: readonly SweepRow[], bars?: arrow.Table): (number | undefined)[] {
  if (bars !== undefined) {
    requireColumns(bars, "bars", ["tsClose", "high", "low"], "pass the bar table the detectors ran on");
    const { tsClose, high, low } = barColumns(bars);
    return levels.map((l) => {
      const up = l.kind === "equal-highs";
      for (let i = l.knownIndex + 1; i < tsClose.length; i++) if (up ? high[i]! > l.level : low[i]! < l.level) return tsClose[i]!;
      return undefined;
    });
  }
  return levels.map((l) => {
    const up = l.kind === "equal-highs";
    const s = sweeps.find((s) => s.ts > l.knownAt && (up ? s.kind === "sweep-high" && s.top > l.level : s.kind === "sweep-low" && s.bottom < l.level));
    return s?.ts;
  });
}
