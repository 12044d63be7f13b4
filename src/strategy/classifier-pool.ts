import { invalid } from "../core/check.js";
import { InvalidOptionError } from "../core/errors.js";
import type { RegimeClassifier } from "../regime/regime-classifier.js";

/** A classifier for every symbol (a factory, called on a symbol's first bar), or one classifier for a one-symbol run. */
export type ClassifierSource = ((symbol: string) => RegimeClassifier) | RegimeClassifier;

const isClassifier = (x: unknown): x is RegimeClassifier =>
  x !== null && typeof x === "object" && typeof (x as RegimeClassifier).update === "function" && typeof (x as RegimeClassifier).inspect === "function";

/**
 * One regime classifier per symbol: `get(symbol)` returns the symbol's classifier, made by the
 * factory on first use. A single classifier instance serves only the first symbol it sees; a second
 * symbol is an error (its bars would be mixed into one timeline). The last symbol looked up is cached,
 * so a one-symbol run does no map lookup per bar.
 * @example
 * const pool = new ClassifierPool(() => new NullClassifier());
 * pool.get("SPX").update(bar);
 */
export class ClassifierPool {
  private readonly factory: ((symbol: string) => RegimeClassifier) | undefined;
  private readonly single: RegimeClassifier | undefined;
  private readonly bySymbol = new Map<string, RegimeClassifier>();
  private lastSymbol: string | undefined = undefined;
  private lastClassifier: RegimeClassifier | undefined = undefined;

  constructor(source: ClassifierSource) {
    if (isClassifier(source)) this.single = source;
    else if (typeof source === "function") this.factory = source;
    else invalid("classifier", source, "a RegimeClassifier or a factory (symbol) => RegimeClassifier", "e.g. classifier: () => new NullClassifier()");
  }

  /** Returns the classifier of `symbol`, creating it on the symbol's first use. */
  get(symbol: string): RegimeClassifier {
    if (symbol === this.lastSymbol) return this.lastClassifier!;
    let classifier = this.bySymbol.get(symbol);
    if (classifier === undefined) {
      classifier = this.create(symbol);
      this.bySymbol.set(symbol, classifier);
    }
    this.lastSymbol = symbol;
    this.lastClassifier = classifier;
    return classifier;
  }

  /** Returns the classifier of `symbol` if it has one, without creating it. */
  peek(symbol: string): RegimeClassifier | undefined {
    return this.bySymbol.get(symbol);
  }

  /** The symbols with a classifier, in the order first seen. */
  symbols(): string[] {
    return [...this.bySymbol.keys()];
  }

  /**
   * Resets every classifier (a fitted model stays fitted) and keeps them, so the same instances serve
   * a replay; a single classifier is freed for whichever symbol comes first.
   */
  reset(): void {
    for (const c of this.bySymbol.values()) c.reset();
    if (this.single !== undefined) this.bySymbol.clear();
    this.lastSymbol = this.lastClassifier = undefined;
  }

  private create(symbol: string): RegimeClassifier {
    if (this.single !== undefined) {
      const taken = this.symbols()[0];
      if (taken !== undefined) {
        throw new InvalidOptionError(
          `invalid classifier: one RegimeClassifier instance (${this.single.name}) classifies "${taken}" and was handed a bar of "${symbol}" (expected a factory (symbol) => RegimeClassifier for a run over several symbols); pass e.g. classifier: () => new RuleBasedClassifier()`,
          { name: "classifier", value: this.single.name, expected: "a factory for several symbols", symbols: [taken, symbol] },
        );
      }
      return this.single;
    }
    const made = this.factory!(symbol);
    if (!isClassifier(made)) invalid(`classifier("${symbol}")`, made, "a RegimeClassifier from the factory");
    for (const [other, c] of this.bySymbol) {
      if (c === made) invalid(`classifier("${symbol}")`, made.name, `a new classifier per symbol, not the one of "${other}"`, "create the classifier inside the factory: () => new X()");
    }
    return made;
  }
}
