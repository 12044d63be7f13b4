import { invalid } from "../core/check.js";
import { REGIMES } from "./regimes.js";

/** Recall and precision of one label; null where the denominator is 0 (no such true label, or never predicted). */
export interface ClassScores {
  /** Of the bars truly of this label, the share predicted as it. */
  readonly recall: number | null;
  /** Of the bars predicted as this label, the share truly of it. */
  readonly precision: number | null;
  /** Bars truly of this label, and bars predicted as it (scored bars only). */
  readonly support: number;
  readonly predicted: number;
}

/** A confusion matrix as plain JSON-safe data (see {@link confusionMatrix}). */
export interface ConfusionMatrix {
  /** The labels, in the order of the rows and columns. */
  readonly labels: readonly string[];
  /** counts[i][j]: bars whose true label is labels[i] and whose prediction is labels[j]. */
  readonly counts: readonly (readonly number[])[];
  /** Scored bars: those with a prediction (n = the sum of counts). */
  readonly n: number;
  /** Bars left out because their prediction was null (warm-up): reported, not hidden. */
  readonly skipped: number;
  /** Share of scored bars predicted right; null when n is 0. */
  readonly accuracy: number | null;
  /** Share of scored bars carrying the most frequent true label: the accuracy of always guessing it; null when n is 0. */
  readonly majorityRate: number | null;
  /**
   * The mean recall over the labels that occur among the true labels of scored bars (balanced
   * accuracy): 1 / (number of such labels) for any constant guess, majority included; null when n is 0.
   */
  readonly balancedAccuracy: number | null;
  /** The most frequent true label among scored bars (the first in `labels` on a tie); null when n is 0. */
  readonly majorityLabel: string | null;
  /** Recall and precision per label. */
  readonly perClass: Readonly<Record<string, ClassScores>>;
}

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** The labels and their order. Default: REGIMES, followed by any other label met, in order of appearance. */
  readonly labels?: readonly string[];
}

/**
 * Returns the confusion matrix of predictions against true labels, bar by bar: counts (rows = true,
 * columns = predicted), accuracy, recall and precision per label, and the majority-class rate to
 * compare the accuracy with. Bars whose prediction is null (a classifier warming up) are counted in
 * `skipped` and left out of everything else.
 * @example
 * const m = confusionMatrix(trueRegimes, predictedRegimes);
 * m.accuracy; // 0.71
 */
export function confusionMatrix(trueLabels: readonly string[], predicted: readonly (string | null)[], options: ConfusionMatrixOptions = {}): ConfusionMatrix {
  if (trueLabels.length !== predicted.length) {
    invalid("predicted", `${predicted.length} labels`, `as many labels as trueLabels (${trueLabels.length})`, "pass one prediction per bar, null while warming up");
  }
  const labels = [...(options.labels ?? REGIMES)];
  const index = new Map(labels.map((l, i) => [l, i]));
  const place = (label: string, where: string): number => {
    let i = index.get(label);
    if (i === undefined) {
      if (options.labels !== undefined) invalid(where, label, `one of ${labels.map((l) => JSON.stringify(l)).join(", ")}`, "or leave options.labels out");
      i = labels.push(label) - 1;
      index.set(label, i);
    }
    return i;
  };
  const pairs: [number, number][] = [];
  let skipped = 0;
  for (let k = 0; k < trueLabels.length; k++) {
    const t = place(trueLabels[k]!, "trueLabels");
    const p = predicted[k];
    if (p === null || p === undefined) skipped++;
    else pairs.push([t, place(p, "predicted")]);
  }
  const counts = labels.map(() => labels.map(() => 0));
  for (const [t, p] of pairs) counts[t]![p]!++;
  const n = pairs.length;
  const support = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const predictedTotals = labels.map((_, j) => counts.reduce((a, row) => a + row[j]!, 0));
  const correct = labels.reduce((a, _, i) => a + counts[i]![i]!, 0);
  const majority = support.reduce((best, s, i) => (s > support[best]! ? i : best), 0);
  const perClass: Record<string, ClassScores> = {};
  labels.forEach((label, i) => {
    perClass[label] = {
      recall: support[i]! > 0 ? counts[i]![i]! / support[i]! : null,
      precision: predictedTotals[i]! > 0 ? counts[i]![i]! / predictedTotals[i]! : null,
      support: support[i]!,
      predicted: predictedTotals[i]!,
    };
  });
  const present = support.map((s, i) => (s > 0 ? counts[i]![i]! / s : -1)).filter((r) => r >= 0);
  return {
    labels,
    counts,
    n,
    skipped,
    accuracy: n > 0 ? correct / n : null,
    majorityRate: n > 0 ? support[majority]! / n : null,
    balancedAccuracy: n > 0 ? present.reduce((a, b) => a + b, 0) / present.length : null,
    majorityLabel: n > 0 ? labels[majority]! : null,
    perClass,
  };
}
