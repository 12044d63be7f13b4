import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";
import type { SmcStructure } from "../smc/smc-structure.js";
import { SMC_COLORS } from "./smc-colors.js";
import { smcWindow, type SmcMarksOptions } from "./smc-marks-options.js";
import { smcRows } from "./smc-rows.js";
import { utcMinute } from "./utc-minute.js";

/** Options of {@link structureBreakMarks}; `from`, `to`, `timeOffset` and `clip` as in SmcMarksOptions. */
export interface StructureBreakMarksOptions extends SmcMarksOptions {
  /** Color of bullish breaks. Default SMC_COLORS.bullish (green). */
  readonly bullishColor?: string;
  /** Color of bearish breaks. Default SMC_COLORS.bearish (red). */
  readonly bearishColor?: string;
  /** Font size of the "BOS" and "CHoCH" labels, in px. Default 9. */
  readonly fontSize?: number;
}

interface BreakLine {
  readonly x1: number;
  readonly x2: number;
  readonly xm: number;
  readonly y: number;
  readonly label: string;
  readonly title: string;
}

const HINT = "pass detectStructureBreaks(bars), or an array of breaks { kind, ts, knownAt, top }";
const COLUMNS = { kind: "string", ts: "number", knownAt: "number", top: "number" } as const;
const KINDS = ["bos-bullish", "bos-bearish", "choch-bullish", "choch-bearish"];

/**
 * Returns Plot marks of breaks of structure and changes of character: a horizontal line at the broken
 * swing's price from the swing bar to the bar that broke it, labelled "BOS" or "CHoCH" at its middle,
 * above the line for bullish breaks (of a swing high) and below it for bearish ones; bullish green,
 * bearish red, CHoCH lines dashed. Hover titles give the level and both times. Lines are described
 * by kind ("bos-bullish", "choch-bullish", "bos-bearish", "choch-bearish"), labels "break-labels-bullish"
 * and "break-labels-bearish".
 * @example Plot.plot({ x: { type: "utc" }, marks: [...priceMarks(bars), ...structureBreakMarks(detectStructureBreaks(bars))] })
 */
export function structureBreakMarks(breaks: arrow.Table | readonly SmcStructure[], options: StructureBreakMarksOptions = {}): Plot.Markish[] {
  const w = smcWindow(options);
  const bullishColor = check.nonEmptyString("bullishColor", options.bullishColor ?? SMC_COLORS.bullish);
  const bearishColor = check.nonEmptyString("bearishColor", options.bearishColor ?? SMC_COLORS.bearish);
  const fontSize = check.positive("fontSize", options.fontSize ?? 9);
  const bullish: BreakLine[] = [], bearish: BreakLine[] = [];
  smcRows<SmcStructure>(breaks, "breaks", COLUMNS, HINT).forEach((b, i) => {
    if (!KINDS.includes(b.kind)) invalid(`breaks[${i}].kind`, b.kind, `one of ${KINDS.join(", ")}`, HINT);
    const span = w.span(b.ts + w.timeOffset, b.knownAt + w.timeOffset);
    if (span === undefined) return;
    const [type, direction] = b.kind.split("-") as [string, string];
    const label = type === "bos" ? "BOS" : "CHoCH";
    const title = `${direction} ${label} of ${formatNumber(b.top, 6)}: swing ${utcMinute(b.ts)}, broken ${utcMinute(b.knownAt)}`;
    (direction === "bullish" ? bullish : bearish).push({ x1: span[0], x2: span[1], xm: (span[0] + span[1]) / 2, y: b.top, label, title });
  });
  const marks: Plot.Markish[] = KINDS.map((kind) => {
    const [type, side] = kind.split("-") as [string, string];
    const lines = (side === "bullish" ? bullish : bearish).filter((d) => d.label === (type === "bos" ? "BOS" : "CHoCH"));
    const stroke = side === "bullish" ? bullishColor : bearishColor;
    const dash = type === "choch" ? { strokeDasharray: "4,3" } : {};
    return Plot.link(lines, { x1: "x1", x2: "x2", y1: "y", y2: "y", stroke, strokeWidth: 1.25, ...dash, title: "title", clip: w.clip, ariaDescription: kind });
  });
  for (const [lines, fill, side] of [[bullish, bullishColor, "bullish"], [bearish, bearishColor, "bearish"]] as const) {
    marks.push(Plot.text(lines, {
      x: "xm", y: "y", text: "label", fill, fontSize, fontWeight: 600, dy: side === "bullish" ? -fontSize * 0.7 : fontSize * 0.8,
      stroke: "white", strokeWidth: 2.5, paintOrder: "stroke", ariaDescription: `break-labels-${side}`,
    }));
  }
  return marks;
}
