import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageSession } from "./page-session.js";
import { readRedraws } from "./redraw-times.js";

const { open } = pageSession("out/site-test-risk");

/** Moves a slider the way a user does: a new value and an "input" event; waits for the charts of that run. */
async function moveSlider(page: Page, control: string, value: number, label: string): Promise<void> {
  await page.evaluate(([id, v]) => {
    const slider = document.querySelector<HTMLInputElement>(`#${id} input[type=range]`)!;
    slider.value = String(v);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
  }, [control, value] as const);
  await page.waitForSelector(`#equity figure[data-label="${label}"]`, { timeout: 10_000 });
}

describe("the risk explorer page", () => {
  it("redraws the equity, heat and sizing charts when the risk controls move, with no console errors", async () => {
    const { page, errors } = await open("risk-explorer.html");
    const first = "kelly 0.5, floor 0.25, heat 6%";
    await page.waitForSelector(`#equity figure[data-label="${first}"] svg`, { timeout: 20_000 });
    await page.waitForSelector(`#heat figure[data-label="${first}"] svg`, { timeout: 20_000 });
    await page.waitForSelector(`#sizing figure[data-label="${first}"] svg`, { timeout: 20_000 });
    const before = { equity: await page.locator("#equity").innerHTML(), heat: await page.locator("#heat").innerHTML() };

    const moves: [string, number, string][] = [
      ["heat-control", 2, "kelly 0.5, floor 0.25, heat 2%"],
      ["kelly-control", 0.2, "kelly 0.2, floor 0.25, heat 2%"],
      ["floor-control", 0.5, "kelly 0.2, floor 0.5, heat 2%"],
      ["heat-control", 10, "kelly 0.2, floor 0.5, heat 10%"],
      ["kelly-control", 1, "kelly 1, floor 0.5, heat 10%"],
    ];
    for (const [control, value, label] of moves) await moveSlider(page, control, value, label);
    const last = moves.at(-1)![2];
    await page.waitForSelector(`#heat figure[data-label="${last}"] svg`, { timeout: 10_000 });
    await page.waitForSelector(`#sizing figure[data-label="${last}"] svg`, { timeout: 10_000 });
    expect(await page.locator("#equity").innerHTML()).not.toEqual(before.equity);
    expect(await page.locator("#heat").innerHTML()).not.toEqual(before.heat);
    expect(await page.locator("#equity h2").textContent()).toContain(last);

    const { redraws, timing } = await readRedraws(page);
    console.log(
      `risk explorer redraw after an input (${redraws.length} moves, 5 symbols x 1000 synthetic bars): ` +
        `${timing}`,
    );
    expect(redraws.map((r) => r.label)).toEqual(moves.map((m) => m[2]));

    mkdirSync("out/screenshots", { recursive: true });
    await page.screenshot({ path: "out/screenshots/risk-explorer.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
