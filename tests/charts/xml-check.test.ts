import { describe, expect, it } from "vitest";
import { xmlProblems } from "./xml-check.js";

describe("xmlProblems", () => {
  it.each([
    ["<svg><g></g><rect/></svg>", []],
    ["<svg><g></svg>", ["</svg> closes <g> at 8", "unclosed <svg>"]],
    ["<svg/><svg/>", ["2 root elements"]],
    ["<svg>a & b</svg>", ['bare "&" in text at 5']],
    ["<svg>a &amp; b</svg>", []],
  ])("finds the problems of %s", (markup, expected) => {
    expect(xmlProblems(markup)).toEqual(expected);
  });
});
