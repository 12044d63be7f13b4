import { escapeMarkup } from "../core/escape-markup.js";
import { formatCount } from "../core/format-number.js";
import { formatCell } from "./format-cell.js";
import type { TablePreview } from "./table-preview.js";

/** Options of {@link htmlTable}. */
export interface HtmlTableOptions {
  /** Significant digits of non-integer numbers. Default 8. */
  readonly digits?: number;
  /** Show the row number (from 0) in a first column. Default true. */
  readonly index?: boolean;
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;

/**
 * Returns a table preview as an HTML `<table>`: a header row with each column's name and type, the
 * rows formatted with `formatCell` (instants as ISO UTC strings), then a line such as
 * "5,104 rows × 7 columns". Plain markup without styles or scripts, so notebook viewers such as
 * GitHub show it as is.
 * @example htmlTable(previewArrow(bars, 10))
 */
export function htmlTable(preview: TablePreview, options: HtmlTableOptions = {}): string {
  const index = options.index ?? true;
  const head = preview.columns
    .map((c) => `<th>${escapeMarkup(c.name)}<br/><small>${escapeMarkup(c.type)}</small></th>`)
    .join("");
  const body = preview.rows
    .map((row, i) => {
      const cells = row
        .map((v, j) => `<td>${escapeMarkup(formatCell(v, { time: preview.columns[j]!.time, digits: options.digits }))}</td>`)
        .join("");
      return `<tr>${index ? `<th>${i}</th>` : ""}${cells}</tr>`;
    })
    .join("\n");
  const size = `${plural(preview.numRows, "row")} × ${plural(preview.columns.length, "column")}`;
  return (
    `<table>\n<thead><tr>${index ? "<th></th>" : ""}${head}</tr></thead>\n<tbody>\n${body}${body ? "\n" : ""}</tbody>\n</table>\n` +
    `<p>${size}</p>`
  );
}
