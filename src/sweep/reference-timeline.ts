import type * as arrow from "apache-arrow";
import { DataHandler } from "../data/data-handler.js";
import { RuleBasedClassifier } from "../regime/rule-based-classifier.js";

const cache = new WeakMap<arrow.Table, arrow.Table>();

/**
 * Returns the regime timeline a sweep reports per-regime metrics by: a RuleBasedClassifier with its
 * defaults over all of the symbol's bars (causal: the regime at a bar uses bars up to it). Cached per
 * bar table, so each process classifies a symbol once however many runs it makes.
 */
export function referenceTimeline(table: arrow.Table): arrow.Table {
  let timeline = cache.get(table);
  if (timeline === undefined) {
    const classifier = new RuleBasedClassifier();
    for (const bar of DataHandler.fromTable(table).bars()) classifier.update(bar);
    timeline = classifier.history();
    cache.set(table, timeline);
  }
  return timeline;
}
