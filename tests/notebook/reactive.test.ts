import { afterEach, describe, expect, it } from "vitest";
import { setDisplay } from "../../src/notebook/display-sink.js";
import { reactive } from "../../src/notebook/reactive.js";
import { ReactiveCycleError } from "../../src/notebook/reactive-cycle-error.js";
import { areaRecorder } from "./area-recorder.js";
import { recordingSink } from "./recording-sink.js";

/** A promise and the function that resolves it, to finish async runs in a chosen order. */
function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe("reactive", () => {
  afterEach(() => setDisplay(undefined));

  it("tracks as dependencies exactly the names a view or derivation reads", () => {
    const nb = reactive({ display: areaRecorder().display });
    nb.param("fast", 10);
    nb.param("slow", 30);
    nb.param("unused", 0);
    nb.derive("gap", ({ fast, slow }) => slow - fast);
    nb.view("chart", ({ gap, fast }) => `${gap}/${fast}`);
    expect(nb.graph()).toEqual([
      { name: "fast", kind: "param", dependsOn: [], state: "ok" },
      { name: "slow", kind: "param", dependsOn: [], state: "ok" },
      { name: "unused", kind: "param", dependsOn: [], state: "ok" },
      { name: "gap", kind: "derive", dependsOn: ["fast", "slow"], state: "ok" },
      { name: "chart", kind: "view", dependsOn: ["gap", "fast"], state: "ok" },
    ]);
    expect(nb.get("gap")).toBe(20);
  });

  it("renders each view into its own area and re-renders only the dependents, in place", () => {
    const { display, areas, top } = areaRecorder();
    const nb = reactive({ display });
    const runs: string[] = [];
    nb.param("fast", 10);
    nb.param("slow", 30);
    nb.view("f", ({ fast }) => (runs.push("f"), `fast=${fast}`));
    nb.view("s", ({ slow }) => (runs.push("s"), `slow=${slow}`));
    expect(nb.param("fast", 12)).toBeUndefined();
    expect(runs).toEqual(["f", "s", "f"]);
    expect(areas).toEqual([["text:fast=10", "text:fast=12"], ["text:slow=30"]]);
    expect(top).toEqual([]);
  });

  it("re-runs a derivation once and then its views, in dependency order, each once", () => {
    const nb = reactive({ display: areaRecorder().display });
    const runs: string[] = [];
    nb.param("fast", 10);
    nb.param("slow", 30);
    nb.view("early", ({ result }) => (runs.push("early"), result)); // defined before what it reads
    nb.derive("result", ({ fast, slow }) => (runs.push("result"), fast + slow));
    nb.view("table", ({ result, fast }) => (runs.push("table"), result * fast));
    runs.length = 0;
    nb.param("fast", 5);
    expect(runs).toEqual(["result", "early", "table"]);
    nb.param("slow", 1);
    expect(runs).toEqual(["result", "early", "table", "result", "early", "table"]);
  });

  it("runs the bottom of a diamond once, after both sides, with both new values", () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    const runs: string[] = [];
    nb.param("a", 1);
    nb.derive("b", ({ a }) => (runs.push("b"), a + 1));
    nb.derive("c", ({ a }) => (runs.push("c"), a * 10));
    nb.derive("d", ({ b, c }) => (runs.push("d"), b + c));
    nb.view("show", ({ d }) => (runs.push("show"), d));
    runs.length = 0;
    nb.param("a", 2);
    expect(runs).toEqual(["b", "c", "d", "show"]);
    expect(areas[0]).toEqual(["text:12", "text:23"]);
  });

  it("does nothing when a parameter is set to the value it has", () => {
    const nb = reactive({ display: areaRecorder().display });
    let runs = 0;
    nb.param("fast", 10);
    nb.view("f", ({ fast }) => (runs++, fast));
    expect(nb.param("fast", 10)).toBeUndefined();
    expect(runs).toBe(1);
  });

  it("shows a view's error in its area without stopping the other views, and recovers", () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    nb.param("n", 1);
    nb.view("bad", ({ n }) => {
      if (n < 2) throw new RangeError(`n too small: ${n} < 2`);
      return n;
    });
    nb.view("good", ({ n }) => n * 100);
    expect(areas[0]).toEqual(['html:<pre style="color:#b00020;white-space:pre-wrap">view &quot;bad&quot; failed: RangeError: n too small: 1 &lt; 2</pre>']);
    expect(areas[1]).toEqual(["text:100"]);
    expect(nb.graph().map((e) => e.state)).toEqual(["ok", "failed", "ok"]);
    nb.param("n", 3);
    expect(areas[0]!.at(-1)).toBe("text:3");
    expect(areas[1]!.at(-1)).toBe("text:300");
  });

  it("shows a failed derivation as an error of the views that read it", () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    nb.param("n", 0);
    nb.derive("inverse", ({ n }) => {
      if (n === 0) throw new Error("division by zero");
      return 1 / n;
    });
    nb.view("v", ({ inverse }) => inverse);
    expect(areas[0]![0]).toContain("view &quot;v&quot; failed: Error: derived value &quot;inverse&quot; failed: Error: division by zero");
    expect(() => nb.get("inverse")).toThrow("division by zero");
    nb.param("n", 4);
    expect(areas[0]).toHaveLength(2);
    expect(areas[0]![1]).toBe("text:0.25");
  });

  it("shows an unknown name as an error until it is defined, then renders", () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    nb.view("v", ({ later }) => `later=${later}`);
    expect(areas[0]![0]).toContain("invalid name: &quot;later&quot;");
    nb.param("later", 7);
    expect(areas[0]![1]).toBe("text:later=7");
  });

  it("rejects a cycle with its path, keeping the graph as it was", () => {
    const nb = reactive({ display: areaRecorder().display });
    nb.param("x", 1);
    nb.derive("a", ({ x, b }) => x + (b ?? 0));
    expect(() => nb.derive("b", ({ a }) => a * 2)).toThrow(ReactiveCycleError);
    expect(() => nb.derive("b", ({ a }) => a * 2)).toThrow(/invalid derive "b": it reads itself through "b" → "a" → "b" \(expected no cycle\)/);
    expect(() => nb.derive("self", ({ self }) => self)).toThrow(/"self" → "self"/);
    expect(nb.graph().map((e) => e.name)).toEqual(["x", "a"]);
    nb.derive("b", () => 5); // a value that reads nothing closes no cycle
    expect(nb.get("a")).toBe(6);
  });

  it("keeps the previous definition when a redefinition would close a cycle", () => {
    const nb = reactive({ display: areaRecorder().display });
    nb.param("x", 1);
    nb.derive("a", ({ x }) => x + 1);
    nb.derive("b", ({ a }) => a * 2);
    expect(() => nb.derive("a", ({ b }) => b)).toThrow(ReactiveCycleError);
    nb.param("x", 2);
    expect(nb.get("b")).toBe(6);
  });

  it("awaits async views and derivations: param() returns a promise that settles after every update", async () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    nb.param("fast", 1);
    await nb.derive("slowDouble", async ({ fast }) => (await Promise.resolve(), fast * 2));
    nb.view("v", ({ slowDouble }) => `v=${slowDouble}`);
    expect(areas[0]).toEqual(["text:v=2"]);
    const done = nb.param("fast", 5);
    expect(done).toBeInstanceOf(Promise);
    expect(nb.graph().find((e) => e.name === "v")!.state).toBe("running");
    await done;
    expect(areas[0]).toEqual(["text:v=2", "text:v=10"]);
    expect(nb.graph().every((e) => e.state === "ok")).toBe(true);
  });

  it("shows a placeholder in an async view's area until its first value arrives", async () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    const g = gate<string>();
    const done = nb.view("v", async () => g.promise);
    expect(areas[0]).toEqual(["text:v: running…"]);
    g.open("ready");
    await done;
    expect(areas[0]).toEqual(["text:v: running…", "text:ready"]);
  });

  it("drops an async run superseded by a newer one, so the latest value wins", async () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    const gates = [gate<void>(), gate<void>(), gate<void>()];
    nb.param("n", 0);
    nb.view("v", async ({ n }) => (await gates[n]!.promise, `n=${n}`));
    gates[0]!.open();
    await nb.settled();
    const first = nb.param("n", 1);
    const second = nb.param("n", 2);
    gates[2]!.open();
    await second;
    gates[1]!.open();
    await first;
    await nb.settled();
    expect(areas[0]).toEqual(["text:v: running…", "text:n=0", "text:n=2"]);
  });

  it("waits for a derivation still running when a view that reads it is defined", async () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    const g = gate<number>();
    nb.param("x", 1);
    void nb.derive("slow", async ({ x }) => x + (await g.promise));
    const done = nb.view("v", ({ slow }) => `slow=${slow}`);
    expect(done).toBeInstanceOf(Promise);
    g.open(41);
    await done;
    expect(areas[0]).toEqual(["text:slow=42"]);
  });

  it("shows a read after the first await as an error that says how to fix it", async () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    nb.param("fast", 1);
    await nb.view("v", async (values) => {
      await Promise.resolve();
      return values.fast;
    });
    expect(areas[0]!.at(-1)).toContain("invalid read in &quot;v&quot;: &quot;fast&quot; (expected values read before the first await)");
  });

  it("adds an output per run where the sink cannot update in place, and uses setDisplay by default", () => {
    const sink = recordingSink();
    setDisplay(sink);
    const nb = reactive();
    nb.param("k", 1);
    nb.view("v", ({ k }) => ({ k }), { object: "json" });
    nb.param("k", 2);
    expect(sink.outputs).toEqual([
      ["markdown", '```json\n{\n  "k": 1\n}\n```'],
      ["markdown", '```json\n{\n  "k": 2\n}\n```'],
    ]);
  });

  it("replaces a view redefined under the same name with one in a new area", () => {
    const { display, areas } = areaRecorder();
    const nb = reactive({ display });
    nb.param("k", 1);
    nb.view("v", ({ k }) => `old ${k}`);
    nb.view("v", ({ k }) => `new ${k}`);
    nb.param("k", 2);
    expect(areas).toEqual([["text:old 1"], ["text:new 1", "text:new 2"]]);
  });

  it("checks names, functions and render options when they are defined", () => {
    const nb = reactive({ display: areaRecorder().display });
    expect(() => nb.param("", 1)).toThrow(/invalid name: "" \(expected a non-empty string other than "then"\)/);
    expect(() => nb.view("v", 3 as never)).toThrow(/invalid compute of "v": "number"/);
    expect(() => nb.view("v", () => 1, { rows: -1 })).toThrow(/invalid rows: -1/);
    expect(() => nb.get("missing")).toThrow(/invalid name: "missing" \(expected one of \[\]\); define it first/);
  });
});
