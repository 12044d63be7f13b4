import { EngineError } from "../core/errors.js";

/**
 * A derived value that would depend on itself, e.g. `a` reads `b` and `b` reads `a`; `cycle` holds the
 * path from the value back to itself.
 */
export class ReactiveCycleError extends EngineError {
  readonly cycle: readonly string[];
  constructor(cycle: readonly string[]) {
    const path = cycle.map((name) => JSON.stringify(name)).join(" → ");
    super(
      "REACTIVE_CYCLE",
      `invalid derive ${JSON.stringify(cycle[0])}: it reads itself through ${path} (expected no cycle); ` +
        "compute the values that need each other in one derive, or make one of them a param",
      { cycle: [...cycle] },
    );
    this.name = "ReactiveCycleError";
    this.cycle = cycle;
  }
}
