import type { DataHandler } from "../data/data-handler.js";
import { MergeCursor } from "../data/merge-bars.js";
import { LinearMerge } from "./linear-merge.js";
import { SingleCursor } from "./single-cursor.js";

/** A merge of table-backed handlers in MergeCursor's order: `next()` gives a handler index and sets `row`. */
export type StepCursor = MergeCursor | LinearMerge | SingleCursor;

/**
 * Returns the fastest merge of the handlers that gives MergeCursor's order and errors: SingleCursor
 * for one handler, LinearMerge for up to 16 (a scan beats a heap for a handful of symbols), MergeCursor
 * beyond.
 * @example
 * const cursor = stepCursor(handlers);
 * for (let h = cursor.next(); h >= 0; h = cursor.next()) use(h, cursor.row);
 */
export function stepCursor(handlers: readonly DataHandler[]): StepCursor {
  if (handlers.length === 1) return new SingleCursor(handlers[0]!);
  if (handlers.length <= 16 && LinearMerge.fits(handlers)) return new LinearMerge(handlers);
  return new MergeCursor(handlers);
}
