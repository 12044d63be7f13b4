import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import type { FillEvent } from "../../src/engine/events.js";
import { REGIMES, type Regime } from "../../src/regime/regimes.js";
import { RegimeGatedStrategy } from "../../src/strategy/regime-gated-strategy.js";
import { ExecutionHandler } from "../../src/execution/execution-handler.js";
import { closeOf, handHandler, type HandBar } from "../fixtures/hand-bars.js";
import { ScriptedClassifier } from "../fixtures/scripted-classifier.js";
import { scriptedStrategy } from "../fixtures/scripted-strategy.js";

const N = 30;
const steps: HandBar[] = Array.from({ length: N }, (_, d) => [d, 100 + d, 101 + d, 99 + d, 100.5 + d]);
const regime = fc.option(fc.constantFrom(...REGIMES), { nil: null });

describe("RegimeGatedStrategy (property)", () => {
  it("a regime changed from bar k on changes no fill at or before bar k", () => {
    fc.assert(fc.property(
      fc.array(regime, { minLength: N, maxLength: N }), fc.array(regime, { minLength: N, maxLength: N }),
      fc.array(fc.constantFrom("long", "short", "exit", null), { minLength: N, maxLength: N }),
      fc.integer({ min: 0, max: N - 1 }), fc.constantFrom("open" as const, "close" as const), fc.subarray([...REGIMES], { minLength: 1 }),
      (a, b, dirs, k, fillAt, allow) => {
        const script: Record<number, any> = {};
        dirs.forEach((d, i) => { if (d) script[i] = d; });
        const run = (regimes: (Regime | null)[]) => {
          const gate = new RegimeGatedStrategy({ inner: scriptedStrategy({ X: script }), classifier: new ScriptedClassifier(regimes), allow });
          const e = new BacktestEngine({ handlers: [handHandler("X", steps)], strategy: gate, allowShort: true, execution: new ExecutionHandler({ fillAt }) } as any);
          return e.stepUntil({ steps: 10_000 }).events.filter((x): x is FillEvent => x.type === "fill");
        };
        const fa = run(a), fb = run([...a.slice(0, k), ...b.slice(k)]);
        const upTo = (f: FillEvent[]) => f.filter((x) => x.ts <= closeOf(k));
        expect(upTo(fb)).toEqual(upTo(fa));
      }), { numRuns: 300 });
  });
});
