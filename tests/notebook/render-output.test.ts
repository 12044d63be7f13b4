import * as Plot from "@observablehq/plot";
import * as aq from "arquero";
import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { toArquero } from "../../src/analysis/to-arquero.js";
import { plotDocument } from "../../src/charts/plot-document.js";
import { barColumns } from "../../src/data/bar-table.js";
import { renderOutput } from "../../src/notebook/render-output.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

const bars = randomWalkBars(5104, "SPX");
const c = barColumns(bars);
const bodyRows = (html: string) => (/<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1]?.match(/<tr>/g) ?? []).length;
const cells = (html: string, row: number) =>
  [...(/<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? "").split("\n").filter(Boolean)[row]!.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);

describe("renderOutput", () => {
  describe("of an Arrow table", () => {
    const { kind, content } = renderOutput(bars);

    it("shows the first 10 rows and the table size", () => {
      expect(kind).toBe("html");
      expect(bodyRows(content)).toBe(10);
      expect(content).toContain("<p>5,104 rows × 7 columns</p>");
    });

    it("writes the schema types in the header", () => {
      expect(content).toContain("<th>tsClose<br/><small>Float64</small></th>");
      expect(content.match(/<small>Float64<\/small>/g)).toHaveLength(7);
    });

    it("writes times as ISO UTC strings and prices in full", () => {
      expect(cells(content, 0)).toEqual([
        new Date(c.tsOpen[0]!).toISOString(), new Date(c.tsClose[0]!).toISOString(),
        String(c.open[0]), String(c.high[0]), String(c.low[0]), String(c.close[0]), String(c.volume[0]),
      ]);
      expect(cells(content, 0)[1]).toBe("2024-01-02T21:00:00.000Z");
    });

    it("shows as many rows as asked", () => {
      expect(bodyRows(renderOutput(bars, { rows: 3 }).content)).toBe(3);
      expect(bodyRows(renderOutput(bars, { rows: 0 }).content)).toBe(0);
    });

    it("shows nulls, strings and Arrow timestamps", () => {
      const t = arrow.tableFromArrays({ name: ["a<b", "c"], x: Float64Array.from([1.5, 2]) });
      const withNull = new arrow.Table({
        ...Object.fromEntries(t.schema.fields.map((f, i) => [f.name, t.getChildAt(i)!])),
        at: arrow.vectorFromArray([Date.UTC(2024, 0, 1), null], new arrow.TimestampMillisecond("UTC")),
      });
      const html = renderOutput(withNull).content;
      expect(cells(html, 0)).toEqual(["a&lt;b", "1.5", "2024-01-01T00:00:00.000Z"]);
      expect(cells(html, 1)).toEqual(["c", "2", "null"]);
      expect(html).toContain("<small>Timestamp&lt;MILLISECOND, UTC&gt;</small>");
    });
  });

  it("shows an arquero table with the Arrow types of its columns and inferred types of derived ones", () => {
    const t = toArquero(bars).derive({ up: (d: { close: number; open: number }) => d.close > d.open }).select("tsClose", "close", "up");
    const html = renderOutput(t, { rows: 4 }).content;
    expect(bodyRows(html)).toBe(4);
    expect(html).toContain("<th>up<br/><small>boolean</small></th>");
    expect(html).toContain("<th>close<br/><small>Float64</small></th>");
    expect(cells(html, 0)[0]).toBe("2024-01-02T21:00:00.000Z");
    expect(html).toContain("<p>5,104 rows × 3 columns</p>");
  });

  it("shows an arquero table built from plain values", () => {
    const html = renderOutput(aq.table({ time: [Date.UTC(2024, 1, 1)], n: [3] })).content;
    expect(cells(html, 0)).toEqual(["2024-02-01T00:00:00.000Z", "3"]);
    expect(html).toContain("<p>1 row × 2 columns</p>");
  });

  it("shows an array of objects with every key as a column", () => {
    const html = renderOutput([{ a: 1, ts: Date.UTC(2024, 0, 1) }, { a: 2.25, b: "x" }]).content;
    expect(html).toContain("<th>b<br/><small>string</small></th>");
    expect(cells(html, 0)).toEqual(["1", "2024-01-01T00:00:00.000Z", ""]);
    expect(cells(html, 1)).toEqual(["2.25", "", "x"]);
    expect(html).toContain("<p>2 rows × 3 columns</p>");
  });

  it("shows an object as a key/value table, or as JSON on request", () => {
    const snapshot = { equity: 100_000.5, tsClose: Date.UTC(2024, 0, 2, 21), regime: "bull", warnings: [] };
    const table = renderOutput(snapshot).content;
    expect(table).toContain("<tr><th>tsClose</th><td>2024-01-02T21:00:00.000Z</td></tr>");
    expect(table).toContain("<tr><th>equity</th><td>100000.5</td></tr>");
    expect(table).toContain("<tr><th>warnings</th><td>[]</td></tr>");
    const json = renderOutput(snapshot, { object: "json" });
    expect(json.kind).toBe("markdown");
    expect(JSON.parse(json.content.replace(/^```json\n|\n```$/g, ""))).toEqual(snapshot);
  });

  it("renders Plot options as SVG and passes SVG text through", () => {
    const chart = renderOutput({ marks: [Plot.lineY([1, 2, 3])] });
    expect(chart.kind).toBe("svg");
    expect(renderOutput(chart.content)).toEqual(chart);
    expect(renderOutput("plain text")).toEqual({ kind: "text", content: "plain text" });
    expect(renderOutput(0.1 + 0.2)).toEqual({ kind: "text", content: "0.3" });
  });

  it("renders an SVG element from Plot.plot as namespaced SVG text", () => {
    const element = Plot.plot({ document: plotDocument(), marks: [Plot.lineY([1, 2, 3], { clip: true })] });
    const { kind, content } = renderOutput(element);
    expect(kind).toBe("svg");
    expect(content).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(content).toMatch(/clip-path="url\(#rl-[0-9a-f]{8}-clip-1\)"/);
  });

  it("rejects functions and bad options with the option's name", () => {
    expect(() => renderOutput(() => 1)).toThrow(/invalid x/);
    expect(() => renderOutput(bars, { rows: -1 })).toThrow(/invalid rows: -1/);
    expect(() => renderOutput({ a: 1 }, { object: "yaml" as "json" })).toThrow(/invalid object: "yaml"/);
  });
});
