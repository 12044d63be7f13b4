import { SchemaError } from "../core/errors.js";

/**
 * Which CSV header names hold each bar value. Names match case-insensitively, ignoring surrounding
 * spaces. A field left out is looked up under its default names.
 */
export interface CsvBarColumns {
  /** The time column. Default: the first of "date", "time", "timestamp", "datetime" in the header. */
  readonly time?: string;
  /** Default "open". */
  readonly open?: string;
  /** Default "high". */
  readonly high?: string;
  /** Default "low". */
  readonly low?: string;
  /** Default "close" (never "adj close": pass it explicitly if you want adjusted prices). */
  readonly close?: string;
  /** Default "volume" (or "vol"), and required; `null` when the file has no volume, which then reads as 0. */
  readonly volume?: string | null;
}

/** The 0-based position in the header of each bar value, and the header name found there; volume -1 when absent. */
export interface CsvBarColumnIndex {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  /** The header cells as they appear in the file. */
  readonly names: readonly string[];
}

const DEFAULTS = {
  time: ["date", "time", "timestamp", "datetime"],
  open: ["open"],
  high: ["high"],
  low: ["low"],
  close: ["close"],
  volume: ["volume", "vol"],
} as const;

const FIELDS = ["time", "open", "high", "low", "close", "volume"] as const;

/**
 * Returns the position of each bar value in a CSV header, or throws SchemaError (MISSING_COLUMN)
 * naming each missing column and listing the header found.
 * @example csvBarColumnIndex(["Date", "Open", "High", "Low", "Close", "Volume"], {}, "x.csv").close // 4
 */
export function csvBarColumnIndex(header: readonly string[], columns: CsvBarColumns, source: string): CsvBarColumnIndex {
  const names = header.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const field of FIELDS) {
    const given = columns[field];
    if (field === "volume" && given === null) {
      index[field] = -1;
      continue;
    }
    const wanted = given === undefined || given === null ? DEFAULTS[field] : [given];
    const at = wanted.map((w) => lower.indexOf(w.trim().toLowerCase())).find((i) => i >= 0) ?? -1;
    if (at < 0) missing.push(given === undefined || given === null ? `${field} (${wanted.map((w) => `"${w}"`).join(" or ")})` : `${field} ("${given}")`);
    index[field] = at;
  }
  if (missing.length > 0) {
    const found = names.map((h) => JSON.stringify(h)).join(", ");
    const volumeHint = missing.some((m) => m.startsWith("volume")) ? "; pass columns: { volume: null } if the file has no volume" : "";
    throw new SchemaError(missing.map((m) => ({
      code: "MISSING_COLUMN" as const, source, row: 0, line: 1, column: m.slice(0, m.indexOf(" ")),
      message: `${source} line 1 (header): missing column ${m}; the header has ${found}`,
    })), `hint: name the columns with { columns: { time: "...", close: "...", ... } }${volumeHint}`);
  }
  return { time: index.time!, open: index.open!, high: index.high!, low: index.low!, close: index.close!, volume: index.volume!, names };
}
