import { describe, expect, it } from "vitest";
import { escapeMarkup } from "../../src/core/escape-markup.js";

describe("escapeMarkup", () => {
  it("replaces the five markup characters", () => {
    expect(escapeMarkup(`a < b & "c" > 'd'`)).toBe("a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
  });

  it("leaves other text as is", () => {
    expect(escapeMarkup("SMA 20 – ≥ 10")).toBe("SMA 20 – ≥ 10");
  });
});
