import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";
import type { SmcStructure } from "../smc/smc-structure.js";
import { SMC_COLORS } from "./smc-colors.js";
import { smcWindow, type SmcMarksOptions } from "./smc-marks-options.js";
import { smcRows } from "./smc-rows.js";
import { utcMinute } from "./utc-minute.js";

/** Options of {@link swingMarks}; `from`, `to`, `timeOffset` and `clip` as in SmcMarksOptions. */
export interface SwingMarksOptions extends SmcMarksOptions {
  /** Color of the triangles. Default SMC_COLORS.swing (dark gray). */
  readonly color?: string;
  /** Radius of a triangle, in px. Default 3.5. */
  readonly r?: number;
  /**
   * Also show when each swing became known: a faint dotted line at the swing's price from the swing bar
   * to the bar that confirmed it, ending in a small circle, so the confirmation lag is visible. Default false.
   */
  readonly confirmations?: boolean;
}

interface SwingDot {
  readonly x: number;
  readonly y: number;
  readonly known: number;
  readonly title: string;
}

const HINT = "pass detectSwings(bars), or an array of swings { kind, ts, knownAt, index, knownIndex, top }";
const COLUMNS = { kind: "string", ts: "number", knownAt: "number", index: "number", knownIndex: "number", top: "number" } as const;
/** Distance from a triangle's center to its tip, per px of radius (a d3 triangle of area pi r^2). */
const TIP = 2 * Math.sqrt(Math.PI / (3 * Math.sqrt(3)));
const GAP = 2;

/**
 * Returns Plot marks of swing points: a small triangle pointing down just above each swing high and one
 * pointing up just below each swing low, at the swing bar, with a hover title (price, swing bar,
 * confirmation bar and lag in bars). With `confirmations`, a dotted line runs from each swing to the bar
 * that confirmed it (the detector's lag). Marks are described "swing-high", "swing-low",
 * "swing-confirmation" (the lines) and "swing-known" (the circles). Place on a `utc` x scale with price on y.
 * @example Plot.plot({ x: { type: "utc" }, marks: [...priceMarks(bars), ...swingMarks(detectSwings(bars), { confirmations: true })] })
 */
export function swingMarks(swings: arrow.Table | readonly SmcStructure[], options: SwingMarksOptions = {}): Plot.Markish[] {
  const w = smcWindow(options);
  const color = check.nonEmptyString("color", options.color ?? SMC_COLORS.swing);
  const r = check.positive("r", options.r ?? 3.5);
  const confirmations = options.confirmations ?? false;
  if (typeof confirmations !== "boolean") invalid("confirmations", confirmations, "true or false");
  const highs: SwingDot[] = [], lows: SwingDot[] = [];
  smcRows<SmcStructure>(swings, "swings", COLUMNS, HINT).forEach((s, i) => {
    if (s.kind !== "swing-high" && s.kind !== "swing-low") invalid(`swings[${i}].kind`, s.kind, `"swing-high" or "swing-low"`, HINT);
    const x = s.ts + w.timeOffset;
    if (!w.has(x)) return;
    const lag = s.knownIndex - s.index;
    const title = `${s.kind.replace("-", " ")} ${formatNumber(s.top, 6)}, bar ${utcMinute(s.ts)}, confirmed ${utcMinute(s.knownAt)} (${lag} bar${lag === 1 ? "" : "s"} later)`;
    (s.kind === "swing-high" ? highs : lows).push({ x, y: s.top, known: Math.min(s.knownAt + w.timeOffset, w.to), title });
  });
  const common = { x: "x", y: "y", r, symbol: "triangle", fill: color, title: "title", clip: w.clip } as const;
  const marks: Plot.Markish[] = [];
  if (confirmations) {
    const both = [...highs, ...lows];
    const faint = { stroke: color, strokeOpacity: 0.55, clip: w.clip } as const;
    marks.push(
      Plot.link(both, { x1: "x", x2: "known", y1: "y", y2: "y", ...faint, strokeWidth: 0.9, strokeDasharray: "1.5,2", ariaDescription: "swing-confirmation" }),
      Plot.dot(both, { x: "known", y: "y", r: 1.8, ...faint, fill: "white", ariaDescription: "swing-known" }),
    );
  }
  marks.push(
    Plot.dot(highs, { ...common, dy: -(TIP * r + GAP), rotate: 180, ariaDescription: "swing-high" }),
    Plot.dot(lows, { ...common, dy: TIP * r + GAP, ariaDescription: "swing-low" }),
  );
  return marks;
}
