import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the browser entry", () => {
  it("bundles for a browser with no Node built-ins and no kernel", async () => {
    const result = await build({
      entryPoints: ["src/browser.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((p) => /danfojs|tslab|linkedom|(^|\/)node:/.test(p))).toEqual([]);
    expect(inputs.some((p) => p.includes("src/node/"))).toBe(false);
  }, 60_000);
});
