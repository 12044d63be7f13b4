import { check } from "../core/check.js";
import type { CommissionModel } from "./commission-model.js";

/** Options of {@link LinearCommission}. */
export interface LinearCommissionOptions {
  /** Money per unit traded, e.g. 0.005 for half a cent a share. Default 0. */
  readonly perShare?: number;
  /** Fraction of the traded value, e.g. 0.001 for 0.1 %. Default 0. */
  readonly fraction?: number;
  /** Least commission of a fill, in money. Default 0. */
  readonly minimum?: number;
}

/**
 * A commission of `max(minimum, perShare x quantity + fraction x quantity x price)` per fill: per-share,
 * percent-of-value, or both, with an optional minimum. All zero (the default) is no commission.
 * @example
 * const ib = new LinearCommission({ perShare: 0.005, minimum: 1 });
 * ib.commission(100, 50); // 1
 */
export class LinearCommission implements CommissionModel {
  readonly name: string;
  readonly perShare: number;
  readonly fraction: number;
  readonly minimum: number;

  constructor(options: LinearCommissionOptions = {}) {
    this.perShare = check.nonNegative("perShare", options.perShare ?? 0);
    this.fraction = check.fraction("fraction", options.fraction ?? 0);
    this.minimum = check.nonNegative("minimum", options.minimum ?? 0);
    const parts = [
      this.perShare > 0 ? `${this.perShare}/unit` : "",
      this.fraction > 0 ? `${this.fraction * 100}% of value` : "",
      this.minimum > 0 ? `min ${this.minimum}` : "",
    ].filter((p) => p !== "");
    this.name = parts.length === 0 ? "no commission" : parts.join(", ");
  }

  /** Returns the commission of a fill of `quantity` units at `price`. */
  commission(quantity: number, price: number): number {
    const c = this.perShare * quantity + this.fraction * quantity * price;
    return c > this.minimum ? c : this.minimum;
  }
}
