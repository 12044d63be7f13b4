import { formatCount } from "../core/format-number.js";
import type { SweepProgress } from "../sweep/sweep-result.js";
import { escapeMarkup } from "../core/escape-markup.js";
import { currentDisplay, type DisplaySink } from "./display-sink.js";

/** Progress as the engine reports it to `run({ onProgress })` (and sweeps report it too). */
export interface ProgressReport {
  /** Units done so far, e.g. bars. */
  readonly bars: number;
  /** Units in all. */
  readonly totalBars: number;
  /** ISO time reached, or null. */
  readonly ts: string | null;
}

/** Options of {@link progressDisplay}. */
export interface ProgressDisplayOptions {
  /** Text before the bar, e.g. "SMA cross on 5 symbols". Default "backtest". */
  readonly label?: string;
  /** Where the output goes: a sink with `newDisplay()` (updated in place) or without (one output per report). Default: as `show`. */
  readonly display?: DisplaySink;
  /** What is counted, e.g. "runs" for a sweep. Default "bars". */
  readonly unit?: string;
}

/** Returns the HTML of one progress report: a bar, the percentage, the counts and the time reached. */
export function progressHtml(label: string, p: ProgressReport, unit = "bars"): string {
  const percent = p.totalBars > 0 ? Math.min(100, Math.floor((p.bars / p.totalBars) * 100)) : 100;
  const at = p.ts === null ? "" : ` · at ${escapeMarkup(p.ts.slice(0, 10))}`;
  return `<div style="font:12px ui-monospace,monospace"><progress value="${percent}" max="100" style="width:200px;vertical-align:middle"></progress> ${escapeMarkup(label)} ${percent}% · ${formatCount(p.bars)} / ${formatCount(p.totalBars)} ${escapeMarkup(unit)}${at}</div>`;
}

/**
 * Returns an `onProgress` callback that shows a long run's progress in the notebook as one output
 * updated in place (tslab's `newDisplay()`), so the cell shows a moving bar while it runs and the
 * final count when it is done. The output holds no clock time, so executed notebooks stay identical.
 * Without a kernel (tests, scripts) the reports go to the sink set with `setDisplay`, or nowhere.
 * A sweep's progress (runs done of the total) shows the same way.
 * @example engine.run({ onProgress: progressDisplay({ label: "SMA cross" }), progressEvery: 1000 })
 */
export function progressDisplay(options: ProgressDisplayOptions = {}): (progress: ProgressReport | SweepProgress) => void {
  const label = options.label ?? "backtest";
  let area: DisplaySink | undefined | null = null;
  return (progress) => {
    if (area === null) {
      const sink = options.display ?? currentDisplay();
      area = sink?.newDisplay?.() ?? sink;
    }
    const report = "done" in progress ? { bars: progress.done, totalBars: progress.total, ts: null } : progress;
    area?.html(progressHtml(label, report, options.unit));
  };
}
