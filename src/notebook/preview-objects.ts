import { plainColumn, type TablePreview } from "./table-preview.js";

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === "object" && !Array.isArray(x) && !(x instanceof Date);

/**
 * Returns the first `limit` items of an array as table rows: objects by key (every key of every item,
 * in the order first seen), other items in one "value" column.
 * @example previewObjects([{ a: 1 }, { a: 2, b: "x" }], 10).columns.length // 2
 */
export function previewObjects(items: readonly unknown[], limit: number): TablePreview {
  const names = new Set<string>();
  for (const item of items) {
    if (isRecord(item)) for (const key of Object.keys(item)) names.add(key);
    else names.add("value");
  }
  const keys = [...names];
  const rows = items.slice(0, limit).map((item) => keys.map((k) => (isRecord(item) ? item[k] : k === "value" ? item : undefined)));
  const columns = keys.map((name, j) => plainColumn(name, rows.map((r) => r[j])));
  return { columns, rows, numRows: items.length };
}
