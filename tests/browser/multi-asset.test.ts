import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageSession } from "./page-session.js";
import { readRedraws } from "./redraw-times.js";

const { open } = pageSession("out/site-test-multi");

/** Sets the chosen symbols the way a user does: checks and unchecks boxes, then one "input" event. */
async function chooseSymbols(page: Page, symbols: readonly string[]): Promise<void> {
  await page.evaluate((chosen) => {
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>("#symbols-control input[type=checkbox]"));
    for (const box of boxes) box.checked = chosen.includes(box.parentElement?.textContent?.trim() ?? "");
    boxes[0]!.dispatchEvent(new Event("input", { bubbles: true }));
  }, symbols);
  await page.waitForSelector(`#equity figure[data-symbols="${symbols.join(" ")}"]`, { timeout: 10_000 });
  await page.waitForSelector(`#correlation figure[data-symbols="${symbols.join(" ")}"]`, { timeout: 10_000 });
}

describe("the multi-asset page", () => {
  it("redraws the per-symbol P&L and the correlation heatmap when the chosen symbols change, with no console errors", async () => {
    const { page, errors } = await open("multi-asset.html");
    await page.waitForSelector(`#equity figure[data-symbols="AAA BBB CCC"] svg`, { timeout: 20_000 });
    await page.waitForSelector(`#correlation figure[data-symbols="AAA BBB CCC"] svg`, { timeout: 20_000 });
    const before = { equity: await page.locator("#equity").innerHTML(), correlation: await page.locator("#correlation").innerHTML() };

    const choices = [["AAA", "BBB", "CCC", "DDD", "EEE"], ["AAA", "EEE"], ["BBB", "CCC", "DDD"], ["CCC", "DDD", "EEE"], ["AAA", "BBB", "DDD", "EEE"]];
    for (const symbols of choices) await chooseSymbols(page, symbols);
    expect(await page.locator("#equity").innerHTML()).not.toEqual(before.equity);
    expect(await page.locator("#correlation").innerHTML()).not.toEqual(before.correlation);
    expect(await page.locator("#equity h2").textContent()).toContain("AAA BBB DDD EEE");
    const correlationText = await page.locator("#correlation").textContent();
    for (const symbol of ["AAA", "BBB", "DDD", "EEE"]) expect(correlationText).toContain(symbol);
    expect(correlationText).not.toContain("CCC");

    const { redraws, timing } = await readRedraws(page);
    console.log(
      `multi-asset redraw after an input (${redraws.length} choices, up to 5 symbols x 1000 synthetic bars): ` +
        `${timing}`,
    );
    expect(redraws.map((r) => r.label)).toEqual(choices.map((c) => c.join(" ")));

    mkdirSync("out/screenshots", { recursive: true });
    await page.screenshot({ path: "out/screenshots/multi-asset.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
