import { invalid } from "../core/check.js";
import { currentDisplay, type DisplaySink } from "./display-sink.js";
import { dependentsOrder } from "./dependents-order.js";
import { findCycle } from "./find-cycle.js";
import { ReactiveCycleError } from "./reactive-cycle-error.js";
import { PendingRead, reactiveNode, type ReactiveNode, type ReactiveValues } from "./reactive-node.js";
import { renderOutput, type RenderOutputOptions } from "./render-output.js";
import { trackingScope } from "./tracking-scope.js";
import { errorText, viewOutput, type Outcome } from "./view-output.js";

/** Options of {@link reactive}. */
export interface ReactiveOptions {
  /**
   * Where views render; each view gets its own output area from the sink's `newDisplay()`, so that a
   * re-run overwrites it in place (without `newDisplay()`, each run adds an output where it runs).
   * Default: looked up at each `view()` call as `show` does (the sink given to `setDisplay`, else
   * tslab's display in a tslab kernel, else nowhere).
   */
  readonly display?: DisplaySink;
}

/** Options of a reactive view: how its value is rendered, as `show` takes them. */
export type ViewOptions = RenderOutputOptions;

/** One entry of {@link Reactive.graph}: a name, what it is, what it read on its last run and its state. */
export interface ReactiveEntry {
  readonly name: string;
  readonly kind: "param" | "derive" | "view";
  readonly dependsOn: readonly string[];
  readonly state: "ok" | "failed" | "running";
}

/** A reactive notebook graph; see {@link reactive}. */
export interface Reactive {
  /** Defines or redefines a parameter and re-runs what depends on it; the same value again (Object.is) re-runs nothing. */
  param(name: string, value: unknown): Promise<void> | undefined;
  /** Defines or redefines a derived value computed from the values it reads, then re-runs what depends on it. */
  derive<V extends object = ReactiveValues>(name: string, compute: (values: V) => unknown): Promise<void> | undefined;
  /** Defines or redefines a view: renders what it returns into a new output area here, and again in that area whenever what it read changes. */
  view<V extends object = ReactiveValues>(name: string, render: (values: V) => unknown, options?: ViewOptions): Promise<void> | undefined;
  /** Returns the current value of a parameter or derived value (the last one computed while a new one is running). */
  get(name: string): unknown;
  /** Returns every name in definition order with what it depends on and its state, as plain data. */
  graph(): ReactiveEntry[];
  /** Returns a promise that settles when every run in progress (async derivations and views) is done. */
  settled(): Promise<void>;
}

function checkName(name: unknown): string {
  if (typeof name !== "string" || name === "" || name === "then") {
    invalid("name", name, 'a non-empty string other than "then"', 'use identifiers, e.g. "fast", so that views can destructure them');
  }
  return name;
}

function checkFunction(name: string, value: unknown): void {
  if (typeof value !== "function") invalid(`compute of ${JSON.stringify(name)}`, typeof value, "a function of the values, e.g. ({ fast }) => fast * 2");
}

const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  x !== null && (typeof x === "object" || typeof x === "function") && typeof (x as { then?: unknown }).then === "function";

const joined = (runs: (Promise<void> | undefined)[]): Promise<void> | undefined => {
  const waits = runs.filter((run): run is Promise<void> => run !== undefined);
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
};

/**
 * Returns a reactive graph for a tslab notebook: parameters set in one cell, derived values and views
 * defined in others. A derived value or view depends on exactly the names it reads (destructure them
 * in the argument list); when a parameter is redefined, only what depends on it runs again, each once,
 * in dependency order (derived values before the views that read them), and each view overwrites its
 * own output area in the cell where it was defined (tslab's `newDisplay()`, a Jupyter display update).
 * A view that throws shows its error in its area; a derived value that would read itself throws
 * `ReactiveCycleError`. Every call returns undefined when all runs finished at once, or a promise for
 * the async ones: `await` it, since a notebook keeps display updates only while the cell runs.
 * @example const nb = reactive(); nb.param("fast", 10); nb.view("double", ({ fast }) => fast * 2); await nb.param("fast", 20) // "double" shows 40 in its own cell
 */
export function reactive(options: ReactiveOptions = {}): Reactive {
  const nodes = new Map<string, ReactiveNode>();
  const inflight = new Set<Promise<void>>();
  const valueNames = () => [...nodes.values()].filter((n) => n.kind !== "view").map((n) => n.name);
  const dependentsOf = (name: string) => [...nodes.values()].filter((n) => n.deps.has(name)).map((n) => n.name);
  const dependsOn = (name: string) => nodes.get(name)?.deps ?? [];
  const current = (node: ReactiveNode, token: number) => nodes.get(node.name) === node && node.token === token;

  function lookup(name: string): ReactiveNode {
    const node = nodes.get(name);
    if (node === undefined || node.kind === "view") {
      const what = node === undefined ? name : `${name} (a view, which has no value)`;
      invalid("name", what, `one of ${JSON.stringify(valueNames())}`, `define it first, e.g. nb.param(${JSON.stringify(name)}, 1)`);
    }
    return node;
  }

  function read(name: string): unknown {
    const node = lookup(name);
    if (node.pending !== undefined && node.kind === "derive") throw new PendingRead(node.pending);
    if (node.failed) throw new Error(`derived value ${JSON.stringify(name)} failed: ${errorText(node.error)}`);
    return node.value;
  }

  /** Marks `node` as running until `work` is done and returns a promise of that which never rejects. */
  function pend(node: ReactiveNode, work: PromiseLike<unknown>): Promise<void> {
    const done: Promise<void> = Promise.resolve(work).then(() => undefined, () => undefined);
    node.pending = done;
    inflight.add(done);
    void done.then(() => {
      inflight.delete(done);
      if (node.pending === done) node.pending = undefined;
    });
    return done;
  }

  function settle(node: ReactiveNode, token: number, outcome: Outcome): undefined {
    if (!current(node, token)) return undefined;
    node.value = outcome.status === "ok" ? outcome.value : undefined;
    node.failed = outcome.status === "failed";
    node.error = outcome.status === "ok" ? undefined : outcome.error;
    if (node.kind !== "view") return undefined;
    const output = viewOutput(node.name, outcome, node.render);
    node.area?.[output.kind](output.content);
    node.shown = true;
    return undefined;
  }

  function execute(node: ReactiveNode, token: number): Promise<void> | undefined {
    const retry = (pending: PendingRead) => pend(node, pending.ready.then(() => (current(node, token) ? execute(node, token) : undefined)));
    const scope = trackingScope(node.name, valueNames, read);
    let outcome: Outcome;
    try {
      outcome = { status: "ok", value: node.compute!(scope.values) };
    } catch (error) {
      outcome = { status: "failed", error };
    } finally {
      scope.close();
    }
    node.deps = scope.reads;
    const cycle = node.kind === "derive" ? findCycle(node.name, dependsOn) : undefined;
    if (cycle !== undefined) return settle(node, token, { status: "failed", error: new ReactiveCycleError(cycle) });
    if (outcome.status === "failed" && outcome.error instanceof PendingRead) return retry(outcome.error);
    if (outcome.status === "failed" || !isThenable(outcome.value)) return settle(node, token, outcome);
    if (node.kind === "view" && !node.shown) node.area?.text(`${node.name}: running…`);
    return pend(node, outcome.value.then(
      (value) => settle(node, token, { status: "ok", value }),
      (error: unknown) => (error instanceof PendingRead ? retry(error) : settle(node, token, { status: "failed", error })),
    ));
  }

  /** Runs `node` once the derived values it read last time are ready. */
  function schedule(node: ReactiveNode): Promise<void> | undefined {
    const token = ++node.token;
    const waits = [...node.deps].map((name) => nodes.get(name)?.pending).filter((p): p is Promise<void> => p !== undefined);
    if (waits.length === 0) return execute(node, token);
    return pend(node, Promise.all(waits).then(() => (current(node, token) ? execute(node, token) : undefined)));
  }

  function propagate(name: string): Promise<void> | undefined {
    return joined(dependentsOrder(name, dependentsOf).map((next) => schedule(nodes.get(next)!)));
  }

  function define(node: ReactiveNode): Promise<void> | undefined {
    const previous = nodes.get(node.name);
    nodes.set(node.name, node);
    const own = schedule(node);
    if (node.error instanceof ReactiveCycleError) {
      if (previous === undefined) nodes.delete(node.name);
      else nodes.set(node.name, previous);
      throw node.error;
    }
    return joined([own, propagate(node.name)]);
  }

  return {
    param(name, value) {
      const previous = nodes.get(checkName(name));
      if (previous?.kind === "param" && Object.is(previous.value, value)) return undefined;
      nodes.set(name, reactiveNode({ name, kind: "param", value }));
      return propagate(name);
    },
    derive(name, compute) {
      checkFunction(checkName(name), compute);
      return define(reactiveNode({ name, kind: "derive", compute: compute as ReactiveNode["compute"] }));
    },
    view(name, render, viewOptions = {}) {
      checkFunction(checkName(name), render);
      renderOutput(null, viewOptions); // checks the options now rather than at each run
      const sink = options.display ?? currentDisplay();
      const area = sink?.newDisplay?.() ?? sink;
      return define(reactiveNode({ name, kind: "view", compute: render as ReactiveNode["compute"], area, render: viewOptions }));
    },
    get(name) {
      const node = lookup(checkName(name));
      if (node.failed) throw node.error;
      return node.value;
    },
    graph() {
      return [...nodes.values()].map((n) => ({
        name: n.name,
        kind: n.kind,
        dependsOn: [...n.deps],
        state: n.pending !== undefined ? "running" : n.failed ? "failed" : "ok",
      }));
    },
    async settled() {
      while (inflight.size > 0) await Promise.all(inflight);
    },
  };
}
