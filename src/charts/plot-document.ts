import type * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** The document type Plot draws in. Named through Plot so no DOM library types are needed (tslab has none). */
export type PlotDocument = NonNullable<Plot.PlotOptions["document"]>;

/**
 * Returns a fresh virtual DOM document (linkedom) in which Observable Plot can draw outside a browser,
 * e.g. in Node, vitest or a tslab kernel. It has no layout engine and no canvas, so marks that need
 * text measurement or a canvas (raster, continuous legends) cannot be drawn in it.
 * @example Plot.plot({ document: plotDocument(), marks: [Plot.lineY([1, 3, 2])] })
 */
export function plotDocument(): PlotDocument {
  return parseHTML("<!DOCTYPE html><html><head></head><body></body></html>").document as unknown as PlotDocument;
}
