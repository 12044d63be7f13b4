import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";
import type { SmcZone } from "../smc/smc-structure.js";
import { SMC_COLORS } from "./smc-colors.js";
import { smcWindow, type SmcMarksOptions } from "./smc-marks-options.js";
import { smcRows } from "./smc-rows.js";
import { utcMinute } from "./utc-minute.js";

/** Options of {@link zoneMarks}; `from`, `to`, `timeOffset` and `clip` as in SmcMarksOptions. */
export interface ZoneMarksOptions extends SmcMarksOptions {
  /** Where a zone still open (mitigatedAt null) ends, epoch ms UTC. Default: `to`, else the latest time among the zones. */
  readonly end?: number;
  /** Fill of bullish zones. Default SMC_COLORS.bullish (green). */
  readonly bullishColor?: string;
  /** Fill of bearish zones. Default SMC_COLORS.bearish (red). */
  readonly bearishColor?: string;
  /** Fill opacity of fair value gaps, in [0, 1]. Default 0.22. */
  readonly opacity?: number;
}

/** One box to draw. */
interface ZoneBox {
  readonly x1: number;
  readonly x2: number;
  readonly top: number;
  readonly bottom: number;
  readonly title: string;
}

const HINT = "pass detectFairValueGaps(bars) or detectOrderBlocks(bars), or an array of zones { kind, ts, top, bottom, mitigatedAt }";
const COLUMNS = { kind: "string", ts: "number", knownAt: "number", top: "number", bottom: "number", mitigatedAt: "nullable" } as const;
const GROUPS = ["fvg-bullish", "fvg-bearish", "order-block-bullish", "order-block-bearish"] as const;
const NAMES: Record<(typeof GROUPS)[number], string> = {
  "fvg-bullish": "bullish FVG", "fvg-bearish": "bearish FVG", "order-block-bullish": "bullish order block", "order-block-bearish": "bearish order block",
};

/**
 * Returns Plot marks of fair value gaps and order blocks as boxes: from the zone's bar (`ts`) to the bar
 * that mitigated it, or to `end` while it is open, between its bottom and top; bullish zones green,
 * bearish red. Gaps are filled boxes; order blocks are outlined with a paler fill, so both read when
 * they overlap. Each box has a hover title (kind, prices, times). One mark per kind, described
 * "fvg-bullish", "fvg-bearish", "order-block-bullish", "order-block-bearish". Place on a `utc` x scale
 * with price on y, before the price marks.
 * @example Plot.plot({ x: { type: "utc" }, marks: [...zoneMarks(detectFairValueGaps(bars)), ...priceMarks(bars)] })
 */
export function zoneMarks(zones: arrow.Table | readonly SmcZone[], options: ZoneMarksOptions = {}): Plot.Markish[] {
  const w = smcWindow(options);
  const bullishColor = check.nonEmptyString("bullishColor", options.bullishColor ?? SMC_COLORS.bullish);
  const bearishColor = check.nonEmptyString("bearishColor", options.bearishColor ?? SMC_COLORS.bearish);
  const opacity = check.fraction("opacity", options.opacity ?? 0.22);
  const rows = smcRows<SmcZone>(zones, "zones", COLUMNS, HINT);
  const latest = rows.reduce((m, z) => Math.max(m, z.knownAt, z.mitigatedAt ?? -Infinity), -Infinity) + w.timeOffset;
  const end = options.end !== undefined ? check.finite("end", options.end) : Number.isFinite(w.to) ? w.to : latest;
  const boxes = new Map<string, ZoneBox[]>(GROUPS.map((g) => [g, []]));
  rows.forEach((z, i) => {
    const group = boxes.get(z.kind);
    if (group === undefined) invalid(`zones[${i}].kind`, z.kind, `one of ${GROUPS.join(", ")}`, HINT);
    const mitigated = z.mitigatedAt != null && Number.isFinite(z.mitigatedAt);
    const span = w.span(z.ts + w.timeOffset, mitigated ? z.mitigatedAt! + w.timeOffset : Math.max(end, z.ts + w.timeOffset));
    if (span === undefined) return;
    const prices = `${formatNumber(z.bottom, 6)}–${formatNumber(z.top, 6)}`;
    const title = `${NAMES[z.kind as (typeof GROUPS)[number]]} ${prices}, bar ${utcMinute(z.ts)}, known ${utcMinute(z.knownAt)}, mitigated ${mitigated ? utcMinute(z.mitigatedAt) : "not yet"}`;
    group.push({ x1: span[0], x2: span[1], top: z.top, bottom: z.bottom, title });
  });
  const channels = { x1: "x1", x2: "x2", y1: "bottom", y2: "top", title: "title", clip: w.clip } as const;
  return GROUPS.map((kind) => {
    const color = kind.endsWith("bullish") ? bullishColor : bearishColor;
    const style = kind.startsWith("fvg")
      ? { fill: color, fillOpacity: opacity }
      : { fill: color, fillOpacity: opacity / 2, stroke: color, strokeWidth: 1.25, strokeOpacity: 0.9 };
    return Plot.rect(boxes.get(kind)!, { ...channels, ...style, ariaDescription: kind });
  });
}
