import { CancelledError } from "../core/errors.js";

/** Returns the CancelledError of a sweep stopped after `done` of `total` runs. */
export function sweepCancelled(done: number, total: number): CancelledError {
  return new CancelledError(`sweep cancelled after ${done} of ${total} runs`, { done, total });
}
