import { describe, expect, it } from "vitest";
import { plotDocument } from "../../src/charts/plot-document.js";
import { serializeSvg, type SerializableNode } from "../../src/charts/serialize-svg.js";
import { xmlProblems } from "./xml-check.js";

const SVG_NS = "http://www.w3.org/2000/svg";

describe("serializeSvg", () => {
  const document = plotDocument() as unknown as {
    createElementNS(ns: string, name: string): SerializableNode & { setAttribute(n: string, v: string): void; append(...c: unknown[]): void; textContent: string };
    createComment(text: string): unknown;
  };

  it("escapes attribute values and text, which the virtual DOM's own HTML output leaves raw", () => {
    const svg = document.createElementNS(SVG_NS, "svg");
    const a = document.createElementNS(SVG_NS, "a");
    a.setAttribute("href", "https://example.com/?a=1&b=<2>");
    const text = document.createElementNS(SVG_NS, "text");
    text.textContent = `1 < 2 & "3"`;
    a.append(text);
    svg.append(a, document.createComment("dropped"), document.createElementNS(SVG_NS, "clipPath"));
    const out = serializeSvg(svg);
    expect(out).toBe(
      '<svg><a href="https://example.com/?a=1&amp;b=&lt;2&gt;"><text>1 &lt; 2 &amp; &quot;3&quot;</text></a><clipPath/></svg>',
    );
    expect(xmlProblems(out)).toEqual([]);
  });
});
