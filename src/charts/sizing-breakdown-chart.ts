import * as Plot from "@observablehq/plot";
import { check, invalid } from "../core/check.js";
import { formatCount, formatNumber } from "../core/format-number.js";
import { explanationSteps } from "../risk/explanation-steps.js";
import type { RiskExplanation } from "../risk/risk-explanation.js";
import { percentLabel } from "./percent-label.js";

/** Options of {@link sizingBreakdownChart}. */
export interface SizingBreakdownChartOptions {
  /** Chart title. Default: "<symbol> <direction> at <time> UTC: <decision>" with the rule that decided. */
  readonly title?: string;
  /** Chart subtitle. Default: the unit and the numbers behind the raw quantity (equity, risk, stop). */
  readonly subtitle?: string;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of one step's row, in px. Default 26. */
  readonly rowHeight?: number;
}

/** How a row is drawn: a size (from 0), a step that lowered or raised it, the rule that decided, or no change. */
type Kind = "size" | "lowered" | "raised" | "deciding rule" | "unchanged";

/** One row of the waterfall. */
interface Row {
  /** The step's name in explanationSteps (a cap's rule). */
  readonly key: string;
  /** The row's label. */
  readonly step: string;
  readonly from: number;
  readonly to: number;
  readonly kind: Kind;
  readonly text: string;
  readonly note: string;
  /** What a cap allows, when it is drawn as a tick. */
  readonly allows: number | null;
}

const COLORS: Readonly<Record<Exclude<Kind, "unchanged">, string>> = { size: "#4269d0", lowered: "#9498a0", raised: "#3ca951", "deciding rule": "#d73027" };
const GREY = "#9498a0";
const STEP_OF_RULE: Readonly<Record<string, string>> = { "base-risk": "base risk", drawdown: "drawdown scale" };
const CAPS = ["per-position-risk", "heat", "daily-budget", "cash", "max-positions", "whole-units"];
const LABELS: Readonly<Record<string, string>> = {
  "per-position-risk": "cap: position risk", heat: "cap: heat", "daily-budget": "cap: daily budget", cash: "cap: cash",
  "max-positions": "cap: max positions", "whole-units": "whole units",
};
const HINT = "pass riskManager.explain(signal), or a decision from evaluate()";
/** A number with at most `decimals` decimals, its integer part grouped by three ("1,083.3"). */
const grouped = (x: number, decimals = 1) => {
  const [whole, fraction] = String(Math.round(x * 10 ** decimals) / 10 ** decimals).split(".");
  return `${formatCount(Number(whole))}${fraction === undefined ? "" : `.${fraction}`}`;
};
const units = (q: number) => grouped(q, 1);
const factor = (x: number) => `\u00d7${formatNumber(x, 3)}`;

/**
 * Returns Plot options of a waterfall of one risk decision (see `explanationSteps`): one row per step,
 * top to bottom, with a bar from the size before the step to the size after it. When the decision got
 * as far as a stop, sizes are units: base risk as the units it alone would buy at this stop, then the
 * drawdown scale and the signal strength as multiplications, the raw quantity, each cap (a tick marks
 * what the cap allows) and the decision. Denied before a stop, sizes are risk in % of equity. The rule
 * that decided (binding cap or denial) is red; notes with every input are the bars' tooltips.
 * @example renderSvg(sizingBreakdownChart(riskManager.explain(signal)))
 */
export function sizingBreakdownChart(explanation: RiskExplanation | { readonly explanation: RiskExplanation }, options: SizingBreakdownChartOptions = {}): Plot.PlotOptions {
  const e = explanationOf(explanation);
  const width = check.positiveInteger("width", options.width ?? 640);
  const rowHeight = check.positive("rowHeight", options.rowHeight ?? 26);
  const byQuantity = e.rawQuantity !== null && e.stop !== null;
  const rows = byQuantity || e.base === null ? quantityRows(e) : riskRows(e);
  const ruleStep = CAPS.includes(e.rule) ? e.rule : STEP_OF_RULE[e.rule] ?? (e.allowed ? undefined : "decision");
  const marked = rows.map((r) => (r.key === ruleStep ? { ...r, kind: "deciding rule" as const } : r));
  const bars = marked.filter((r) => r.from !== r.to);
  const flat = marked.filter((r) => r.from === r.to);
  const top = Math.max(...marked.flatMap((r) => [r.from, r.to]), 0);
  const domainMax = top > 0 ? top : 1;
  const kinds = (Object.keys(COLORS) as (keyof typeof COLORS)[]).filter((k) => marked.some((r) => r.kind === k));
  const marginLeft = 16 + Math.ceil(Math.max(...marked.map((r) => r.step.length)) * 6);
  const marginRight = 16 + Math.ceil(Math.max(...marked.map((r) => r.text.length)) * 7);
  const byUnits = byQuantity || e.base === null;
  const unit = byUnits ? "units" : "risk (% of equity)";
  const at = e.at.replace("T", " ").replace(/:00\.000Z$|\.\d{3}Z$|Z$/, "");
  const decided = e.decision === "denied" ? `denied (${e.code})` : e.decision === "resized" ? `resized by the ${e.rule} cap` : e.decision;
  const ticks = marked.filter((r) => r.allows !== null && r.allows <= domainMax);
  return {
    title: options.title ?? `${e.symbol} ${e.direction} at ${at} UTC: ${decided}`,
    subtitle: options.subtitle ?? subtitleOf(e, byQuantity),
    caption: ticks.length > 0 ? "dashed tick: what a cap allows" : undefined,
    width,
    height: 10 + 36 + Math.round(rows.length * rowHeight),
    marginTop: 10,
    marginBottom: 36,
    marginLeft,
    marginRight,
    x: { domain: [0, domainMax], label: unit, labelAnchor: "right", grid: true, nice: false, ...(byUnits ? {} : { tickFormat: (d: number) => `${d}%` }) },
    y: { type: "band", domain: marked.map((r) => r.step), label: null, tickSize: 0, padding: 0.25 },
    color: { type: "ordinal", domain: kinds, range: kinds.map((k) => COLORS[k]), legend: true },
    marks: [
      Plot.barX(bars, { x1: "from", x2: "to", y: "step", fill: "kind", title: "note", ariaDescription: "steps" }),
      Plot.tickX(flat.filter((r) => r.kind !== "deciding rule"), { x: "to", y: "step", stroke: GREY, strokeWidth: 2, title: "note", ariaDescription: "unchanged steps" }),
      Plot.tickX(flat.filter((r) => r.kind === "deciding rule"), { x: "to", y: "step", stroke: COLORS["deciding rule"], strokeWidth: 3, title: "note", ariaDescription: "deciding step" }),
      Plot.tickX(ticks, { x: "allows", y: "step", stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "3,2", ariaDescription: "cap allowances" }),
      ...[false, true].map((bold) => Plot.text(marked.filter((r) => (r.kind === "deciding rule" || r.key === "decision") === bold), {
        x: (r: Row) => Math.max(r.from, r.to), y: "step", text: "text", textAnchor: "start", dx: 5, fontSize: 11,
        fontWeight: bold ? "bold" : "normal", fill: "currentColor", ariaDescription: "step labels",
      })),
    ],
  };
}

function explanationOf(input: RiskExplanation | { readonly explanation: RiskExplanation }): RiskExplanation {
  const e = input != null && typeof input === "object" && "explanation" in input ? input.explanation : input;
  if (e == null || typeof e !== "object") invalid("explanation", e, "a RiskExplanation", HINT);
  const x = e as Partial<RiskExplanation>;
  if (typeof x.symbol !== "string" || typeof x.decision !== "string" || !Array.isArray(x.caps) || typeof x.at !== "string") {
    invalid("explanation", Object.keys(e).slice(0, 6).join(","), "a RiskExplanation with symbol, decision, at and caps", HINT);
  }
  return e as RiskExplanation;
}

/** Rows in units: the base risk's units at this stop, scaled, the raw quantity, the caps, the decision. */
function quantityRows(e: RiskExplanation): Row[] {
  const rows: Row[] = [];
  const distance = e.stop?.distance ?? NaN;
  let q = e.base === null ? 0 : (e.equity * e.base.riskFraction) / distance;
  for (const s of explanationSteps(e)) {
    const add = (step: string, from: number, to: number, kind: Kind, text: string, allows: number | null = null) =>
      rows.push({ key: s.step, step, from, to, kind, text, note: `${s.step}: ${s.note}`, allows });
    if (s.step === "base risk" && e.base !== null) add(`base risk ${percentLabel(e.base.riskFraction)}`, 0, q, "size", units(q));
    else if (s.step === "drawdown scale" || s.step === "signal strength") {
      const f = s.value ?? 1;
      const to = q * f;
      add(s.step, q, to, f < 1 ? "lowered" : f > 1 ? "raised" : "unchanged", `${factor(f)} \u2192 ${units(to)}`);
      q = to;
    } else if (s.step === "raw quantity") add("raw quantity", 0, s.value!, "size", units(s.value!));
    else if (s.step in LABELS) {
      const cap = e.caps.find((c) => c.rule === s.step)!;
      const moved = cap.quantityAfter < cap.quantityBefore;
      const text = s.step === "whole-units"
        ? moved ? `rounds down \u2192 ${units(cap.quantityAfter)}` : "already whole"
        : moved ? `${units(cap.quantityBefore)} \u2192 ${units(cap.quantityAfter)}` : cap.maxQuantity === null ? "no limit" : `allows ${units(cap.maxQuantity)}`;
      add(LABELS[s.step]!, cap.quantityBefore, cap.quantityAfter, moved ? "lowered" : "unchanged", text, s.step === "whole-units" ? null : cap.maxQuantity);
    } else if (s.step === "decision") add("decision", 0, e.quantity, "size", e.allowed ? `${units(e.quantity)} units, ${e.decision}` : `0 units, denied: ${e.code}`);
  }
  return rows;
}

/** Rows in % of equity at risk, for a decision denied before it had a stop. */
function riskRows(e: RiskExplanation): Row[] {
  const rows: Row[] = [];
  let r = 0;
  for (const s of explanationSteps(e)) {
    const add = (step: string, from: number, to: number, kind: Kind, text: string) => rows.push({ key: s.step, step, from, to, kind, text, note: `${s.step}: ${s.note}`, allows: null });
    if (s.step === "base risk") {
      r = s.value! * 100;
      add(`base risk ${percentLabel(s.value!)}`, 0, r, "size", percentLabel(s.value!));
    } else if (s.step === "drawdown scale" || s.step === "signal strength") {
      const f = s.value ?? 1;
      add(s.step, r, r * f, f < 1 ? "lowered" : f > 1 ? "raised" : "unchanged", `${factor(f)} \u2192 ${percentLabel((r * f) / 100)}`);
      r *= f;
    } else if (s.step === "risk amount") add("risk amount", 0, r, "size", `${percentLabel(r / 100)} = ${grouped(s.value!, 2)}`);
    else if (s.step === "decision") add("decision", 0, 0, "size", `denied: ${e.code}`);
  }
  return rows;
}

function subtitleOf(e: RiskExplanation, byQuantity: boolean): string {
  if (e.direction === "exit") return `units closed by the exit; ${e.message}`;
  if (e.base === null) return `denied before sizing (rule ${e.rule})`;
  if (!byQuantity) return `% of equity at risk after each step, up to the ${e.rule} step that denied it`;
  const stop = e.stop!;
  return `units after each step: equity ${grouped(e.equity, 2)} \u00d7 ${percentLabel(e.riskFraction!)} = ${grouped(e.riskAmount!, 2)} at risk, stop ${formatNumber(stop.distance, 6)} away (${stop.source}, at ${formatNumber(stop.stopPrice, 8)})`;
}
