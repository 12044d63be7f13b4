import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";
import type { EqualLevel } from "../smc/equal-level-pairer.js";
import type { Sweep } from "../smc/sweep-detector.js";
import { SMC_COLORS } from "./smc-colors.js";
import { smcWindow, type SmcMarksOptions } from "./smc-marks-options.js";
import { smcRows } from "./smc-rows.js";
import { levelTakenAt } from "./level-taken-at.js";
import { utcMinute } from "./utc-minute.js";

/** Options of {@link liquidityMarks}; `from`, `to`, `timeOffset` and `clip` as in SmcMarksOptions. */
export interface LiquidityMarksOptions extends SmcMarksOptions {
  /**
   * The bar table the detectors ran on, to end each level at the first bar after its confirmation that
   * trades beyond it (swept or broken). Default none: a level ends at the first later sweep that went
   * beyond it, else at `end`.
   */
  readonly bars?: arrow.Table;
  /** Where a level not yet taken ends, epoch ms UTC. Default: `to`, else the latest time among levels and sweeps. */
  readonly end?: number;
  /** Color of the levels and sweeps. Default SMC_COLORS.liquidity (magenta). */
  readonly color?: string;
  /** Font size of the "EQH", "EQL" and "sweep" labels, in px; 0 for no labels. Default 9. */
  readonly fontSize?: number;
}

interface Segment {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
}

const LEVEL_HINT = "pass detectEqualLevels(bars), or an array of equal levels { kind, ts, knownAt, index, knownIndex, level, firstTs }";
const SWEEP_HINT = "pass detectSweeps(bars), or an array of sweeps { kind, ts, top, bottom, level }";
const LEVEL_COLUMNS = { kind: "string", ts: "number", knownAt: "number", index: "number", knownIndex: "number", level: "number", firstTs: "number" } as const;
const SWEEP_COLUMNS = { kind: "string", ts: "number", top: "number", bottom: "number", level: "number" } as const;

/**
 * Returns Plot marks of liquidity: each pair of equal highs (lows) as a dashed line at its level from the
 * first swing to the second, labelled "EQH" ("EQL"), then a fainter dashed extension until a bar trades
 * beyond it (see `bars`) or the end; each sweep as a thick stroke over the sweeping bar's wick beyond
 * the swept level, labelled "sweep" above (highs) or below (lows). Marks are described "equal-levels",
 * "equal-level-extensions", "equal-level-labels", "sweeps", "sweep-labels-high" and "sweep-labels-low".
 * @example Plot.plot({ x: { type: "utc" }, marks: [...priceMarks(bars), ...liquidityMarks(detectEqualLevels(bars), detectSweeps(bars), { bars })] })
 */
export function liquidityMarks(levels: arrow.Table | readonly EqualLevel[], sweeps: arrow.Table | readonly Sweep[], options: LiquidityMarksOptions = {}): Plot.Markish[] {
  const w = smcWindow(options);
  const color = check.nonEmptyString("color", options.color ?? SMC_COLORS.liquidity);
  const fontSize = check.nonNegative("fontSize", options.fontSize ?? 9);
  const levelRows = smcRows<EqualLevel>(levels, "levels", LEVEL_COLUMNS, LEVEL_HINT);
  const sweepRows = smcRows<Sweep>(sweeps, "sweeps", SWEEP_COLUMNS, SWEEP_HINT);
  levelRows.forEach((l, i) => l.kind === "equal-highs" || l.kind === "equal-lows" || invalid(`levels[${i}].kind`, l.kind, `"equal-highs" or "equal-lows"`, LEVEL_HINT));
  sweepRows.forEach((s, i) => s.kind === "sweep-high" || s.kind === "sweep-low" || invalid(`sweeps[${i}].kind`, s.kind, `"sweep-high" or "sweep-low"`, SWEEP_HINT));
  const latest = Math.max(...levelRows.map((l) => l.knownAt), ...sweepRows.map((s) => s.ts)) + w.timeOffset;
  const end = options.end !== undefined ? check.finite("end", options.end) : Number.isFinite(w.to) ? w.to : latest;
  const taken = levelTakenAt(levelRows, sweepRows, options.bars);

  const pairs: (Segment & { label: string; high: boolean; title: string })[] = [];
  const extensions: Segment[] = [];
  levelRows.forEach((l, i) => {
    const high = l.kind === "equal-highs";
    const until = taken[i] === undefined ? Math.max(end, l.ts + w.timeOffset) : taken[i]! + w.timeOffset;
    const title = `equal ${high ? "highs" : "lows"} ${formatNumber(l.level, 6)}: swings ${utcMinute(l.firstTs)} and ${utcMinute(l.ts)}, taken ${taken[i] === undefined ? "not yet" : utcMinute(taken[i]!)}`;
    const pair = w.span(l.firstTs + w.timeOffset, l.ts + w.timeOffset);
    if (pair !== undefined) pairs.push({ x1: pair[0], x2: pair[1], y: l.level, label: high ? "EQH" : "EQL", high, title });
    const extension = w.span(l.ts + w.timeOffset, until);
    if (extension !== undefined && extension[1] > extension[0]) extensions.push({ x1: extension[0], x2: extension[1], y: l.level });
  });
  const wicks = sweepRows.flatMap((s) => {
    const x = s.ts + w.timeOffset;
    if (!w.has(x)) return [];
    const high = s.kind === "sweep-high";
    return [{ x, top: s.top, bottom: s.bottom, high, title: `sweep of ${formatNumber(s.level, 6)} ${high ? "highs" : "lows"} at ${utcMinute(s.ts)}: wick to ${formatNumber(high ? s.top : s.bottom, 6)}, closed back inside` }];
  });
  const line = { x1: "x1", x2: "x2", y1: "y", y2: "y", stroke: color, clip: w.clip } as const;
  const marks: Plot.Markish[] = [
    Plot.link(extensions, { ...line, strokeWidth: 1, strokeOpacity: 0.45, strokeDasharray: "3,3", ariaDescription: "equal-level-extensions" }),
    Plot.link(pairs, { ...line, strokeWidth: 1.5, strokeDasharray: "5,3", title: "title", ariaDescription: "equal-levels" }),
    Plot.link(wicks, { x1: "x", x2: "x", y1: "bottom", y2: "top", stroke: color, strokeWidth: 3, strokeLinecap: "round", title: "title", clip: w.clip, ariaDescription: "sweeps" }),
  ];
  if (fontSize > 0) {
    const text = { fill: color, fontSize, stroke: "white", strokeWidth: 2.5, paintOrder: "stroke" } as const;
    const word = () => "sweep";
    marks.push(
      Plot.text(pairs, { ...text, x: "x2", y: "y", text: "label", textAnchor: "start", dx: 3, ariaDescription: "equal-level-labels" }),
      Plot.text(wicks.filter((d) => d.high), { ...text, x: "x", y: "top", text: word, lineAnchor: "bottom", dy: -3, ariaDescription: "sweep-labels-high" }),
      Plot.text(wicks.filter((d) => !d.high), { ...text, x: "x", y: "bottom", text: word, lineAnchor: "top", dy: 3, ariaDescription: "sweep-labels-low" }),
    );
  }
  return marks;
}
