import type * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { isDailyOrLonger, localDate } from "../core/time.js";
import { BAR_METADATA } from "../data/bar-schema.js";
import { killZones, type KillZoneOptions } from "../sessions/kill-zones.js";
import { killZoneWindows } from "../sessions/kill-zone-windows.js";
import { detectEqualLevels } from "../smc/equal-level-detector.js";
import { detectFairValueGaps, type FairValueGapOptions } from "../smc/fair-value-gap-detector.js";
import type { LiquidityOptions } from "../smc/liquidity-options.js";
import { detectOrderBlocks, type OrderBlockOptions } from "../smc/order-block-detector.js";
import { detectStructureBreaks, type StructureBreakOptions } from "../smc/structure-break-detector.js";
import { detectSweeps } from "../smc/sweep-detector.js";
import { detectSwings, type SwingOptions } from "../smc/swing-detector.js";
import { killZoneMarks } from "./kill-zone-marks.js";
import { liquidityMarks } from "./liquidity-marks.js";
import { killZoneColors, SMC_COLORS } from "./smc-colors.js";
import { structureBreakMarks } from "./structure-break-marks.js";
import { swingMarks } from "./swing-marks.js";
import { zoneMarks } from "./zone-marks.js";

/**
 * Which overlays {@link smcChart} draws, each computed from the bars by its detector: `true` for the
 * detector's defaults, or its options. Every field defaults to false.
 */
export interface SmcOverlays {
  /** Fair value gaps (detectFairValueGaps) as filled boxes until mitigated. */
  readonly fvg?: boolean | FairValueGapOptions;
  /** Order blocks (detectOrderBlocks) as outlined boxes until mitigated. */
  readonly orderBlocks?: boolean | OrderBlockOptions;
  /** Swing highs and lows (detectSwings); `confirmations: true` also shows the bar that confirmed each. */
  readonly swings?: boolean | (SwingOptions & { readonly confirmations?: boolean });
  /** BOS and CHoCH lines (detectStructureBreaks). */
  readonly breaks?: boolean | StructureBreakOptions;
  /** Equal highs/lows and sweeps (detectEqualLevels, detectSweeps). */
  readonly liquidity?: boolean | LiquidityOptions;
  /** Kill-zone shading (killZoneWindows); intraday bars only. */
  readonly killZones?: boolean | KillZoneOptions;
}

/** The overlay marks of a chart with their legend entries and a caption of what the shapes mean. */
export interface SmcOverlayParts {
  readonly background: Plot.Markish[];
  readonly foreground: Plot.Markish[];
  readonly legend: { readonly label: string; readonly color: string }[];
  readonly caption: string[];
}

const KEYS = ["fvg", "orderBlocks", "swings", "breaks", "liquidity", "killZones"] as const;

function optionsOf<T extends object>(name: string, value: boolean | T | undefined): T | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {} as T;
  if (typeof value !== "object" || value === null) invalid(`overlays.${name}`, value, "true, false or the detector's options");
  return value;
}

/**
 * Returns the overlay marks {@link smcChart} draws over the bars of `table` (detectors run on the whole
 * table, marks cut to [from, to] and shifted by `timeOffset`), split into background (kill zones, boxes)
 * and foreground (lines, points, labels).
 * @example smcOverlayMarks(bars, { fvg: true }, { from, to, timeOffset: 0 }).legend
 */
export function smcOverlayMarks(table: arrow.Table, overlays: SmcOverlays, window: { from: number; to: number; timeOffset: number }): SmcOverlayParts {
  if (overlays == null || typeof overlays !== "object") invalid("overlays", overlays, `an object such as { fvg: true, swings: true }`);
  for (const key of Object.keys(overlays)) if (!(KEYS as readonly string[]).includes(key)) invalid(`overlays.${key}`, true, `one of the overlays ${KEYS.join(", ")}`);
  const w = { ...window, clip: true };
  const parts: SmcOverlayParts = { background: [], foreground: [], legend: [], caption: [] };
  const fvg = optionsOf("fvg", overlays.fvg), blocks = optionsOf("orderBlocks", overlays.orderBlocks);
  const swings = optionsOf("swings", overlays.swings), breaks = optionsOf("breaks", overlays.breaks);
  const liquidity = optionsOf("liquidity", overlays.liquidity), zones = optionsOf("killZones", overlays.killZones);
  if (zones !== undefined) {
    const interval = table.schema.metadata.get(BAR_METADATA.interval);
    if (interval !== undefined && isDailyOrLonger(interval)) invalid("overlays.killZones", overlays.killZones, `false for ${interval} bars`, "kill zones are intraday clock windows; chart intraday bars");
    const set = killZones(zones);
    const day = (ms: number) => localDate(ms, set.timeZone);
    const windows = killZoneWindows({ ...zones, from: day(window.from), to: day(window.to + 86_400_000) });
    parts.background.push(...killZoneMarks(windows, { from: window.from, to: window.to }));
    const names = set.windows.map((k) => k.name);
    const colors = killZoneColors(names);
    names.forEach((label, i) => parts.legend.push({ label, color: colors[i]! }));
    parts.caption.push("bands: kill zones");
  }
  if (fvg !== undefined || blocks !== undefined || breaks !== undefined) {
    parts.legend.unshift({ label: "bullish", color: SMC_COLORS.bullish }, { label: "bearish", color: SMC_COLORS.bearish });
  }
  if (fvg !== undefined) parts.background.push(...zoneMarks(detectFairValueGaps(table, fvg), w));
  if (blocks !== undefined) parts.background.push(...zoneMarks(detectOrderBlocks(table, blocks), w));
  if (fvg !== undefined || blocks !== undefined) {
    parts.caption.push(fvg !== undefined && blocks !== undefined ? "boxes: fair value gaps (filled), order blocks (outlined), until mitigated" : `boxes: ${fvg !== undefined ? "fair value gaps" : "order blocks"} until mitigated`);
  }
  if (breaks !== undefined) {
    parts.foreground.push(...structureBreakMarks(detectStructureBreaks(table, breaks), w));
    parts.caption.push("lines: BOS (solid), CHoCH (dashed)");
  }
  if (liquidity !== undefined) {
    parts.foreground.push(...liquidityMarks(detectEqualLevels(table, liquidity), detectSweeps(table, liquidity), { ...w, bars: table }));
    parts.legend.push({ label: "liquidity", color: SMC_COLORS.liquidity });
    parts.caption.push("dashed: equal highs/lows until taken; thick wicks: sweeps");
  }
  if (swings !== undefined) {
    const { confirmations, ...swingOptions } = swings;
    parts.foreground.push(...swingMarks(detectSwings(table, swingOptions), { ...w, confirmations }));
    parts.legend.push({ label: "swings", color: SMC_COLORS.swing });
    parts.caption.push(`triangles: swing highs and lows${confirmations ? ", dotted to the bar that confirmed them" : ""}`);
  }
  return parts;
}
