import type * as arrow from "apache-arrow";
import { isTimeField } from "../data/time-field.js";
import { plainColumn, type TablePreview } from "./table-preview.js";

/** The parts of an arquero table a preview reads. */
export interface ArqueroLike {
  columnNames(): string[];
  numRows(): number;
  objects(options?: { limit?: number }): object[];
  column(name: string): unknown;
}

/**
 * Returns the first `limit` rows of an arquero table. Columns that arquero reads from Arrow keep
 * their Arrow type; derived columns get the type of their first value.
 * @example previewArquero(toArquero(bars), 5).numRows
 */
export function previewArquero(table: ArqueroLike, limit: number): TablePreview {
  const names = table.columnNames();
  const objects = table.objects({ limit }) as Record<string, unknown>[];
  const rows = objects.map((o) => names.map((name) => o[name]));
  const columns = names.map((name, j) => {
    const arrowType = (table.column(name) as { type?: { typeId?: unknown } } | undefined)?.type;
    if (arrowType?.typeId === undefined) return plainColumn(name, rows.map((r) => r[j]));
    const type = arrowType as arrow.DataType;
    return { name, type: String(type), time: isTimeField({ name, type }) };
  });
  return { columns, rows, numRows: table.numRows() };
}
