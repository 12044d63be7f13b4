import { describe, expect, it } from "vitest";
import { errorText, viewOutput } from "../../src/notebook/view-output.js";

describe("viewOutput", () => {
  it("renders a value as show renders it", () => {
    expect(viewOutput("v", { status: "ok", value: 1.5 })).toEqual({ kind: "text", content: "1.5" });
    expect(viewOutput("v", { status: "ok", value: [{ a: 1 }] }).kind).toBe("html");
  });

  it("renders undefined as an empty text", () => {
    expect(viewOutput("v", { status: "ok", value: undefined })).toEqual({ kind: "text", content: "" });
  });

  it("renders an error as the view's name and the escaped message, without the stack", () => {
    expect(viewOutput("a<b", { status: "failed", error: new TypeError("x & y") })).toEqual({
      kind: "html",
      content: '<pre style="color:#b00020;white-space:pre-wrap">view &quot;a&lt;b&quot; failed: TypeError: x &amp; y</pre>',
    });
  });

  it("renders a value show cannot render as an error", () => {
    expect(viewOutput("v", { status: "ok", value: () => 1 }).content).toContain("view &quot;v&quot; failed: InvalidOptionError: invalid x");
  });

  it("names a thrown non-error value", () => {
    expect(errorText("oops")).toBe("thrown: oops");
  });
});
