import type { DataHandler } from "../data/data-handler.js";
import { stepCursor } from "./step-cursor.js";

/**
 * Returns the times of the first `steps` engine steps over the first `bars` bars of the merge of
 * `handlers`: a step is a run of bars in merge order with the same tsClose (compared with ===, as the
 * engine groups them), and its time is that tsClose (epoch ms UTC). The engine records no time per
 * step; its equity table gets the times from this replay of the merge when it is built.
 * @example
 * const ts = stepTimes(handlers, engine.bars, engine.steps);
 */
export function stepTimes(handlers: readonly DataHandler[], bars: number, steps: number): Float64Array {
  const out = new Float64Array(steps);
  if (steps === 0) return out;
  if (handlers.length === 1) {
    // one handler: its rows in order (the engine checked their order when it stepped over them)
    const ts = handlers[0]!.columns!.tsClose;
    let k = 0, last = 0;
    for (let r = 0; r < bars && k < steps; r++) {
      const t = ts[r]!;
      if (r === 0 || t !== last) out[k++] = t;
      last = t;
    }
    return out;
  }
  const cursor = stepCursor(handlers), columns = handlers.map((h) => h.columns!.tsClose);
  let k = 0, last = 0;
  for (let i = 0; i < bars && k < steps; i++) {
    const s = cursor.next();
    if (s < 0) break;
    const t = columns[s]![cursor.row]!;
    if (i === 0 || t !== last) out[k++] = t;
    last = t;
  }
  return out;
}
