import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReactive } from "../../scripts/build-reactive.js";
import type { Redraw } from "../../reactive/redraw-timer.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const CHROMIUM = "/usr/bin/chromium";
const SITE = "out/site-test-multi";

let browser: Browser | undefined;
let server: StaticServer | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: the page tests drive Debian's chromium; run \`npm run setup\` (as root it installs it)`);
  }
  await buildReactive({ outDir: SITE });
  server = await serveStatic(SITE);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-background-networking"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects its console errors, uncaught exceptions and failed requests. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  // The site works offline: any request off this server is refused and counted as an error.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server!.url) || url.startsWith("data:")) return route.continue();
    errors.push(`off-site request: ${url}`);
    return route.abort();
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`response: ${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => errors.push(`request: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  await page.goto(`${server!.url}/${path}`);
  return { page, errors };
}

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

    await page.waitForFunction(() => (window as unknown as { redrawTimer: { redraws: Redraw[] } }).redrawTimer.redraws.length >= 5);
    const redraws = await page.evaluate(() => (window as unknown as { redrawTimer: { redraws: Redraw[] } }).redrawTimer.redraws);
    const ms = (pick: (r: Redraw) => number) => redraws.map(pick).sort((a, b) => a - b);
    const toDom = ms((r) => r.toDomMs);
    const toFrame = ms((r) => r.toFrameMs);
    console.log(
      `multi-asset redraw after an input (${redraws.length} choices, up to 5 symbols x 1000 synthetic bars): ` +
        `to DOM median ${toDom[toDom.length >> 1]!.toFixed(1)} ms (max ${toDom.at(-1)!.toFixed(1)}), ` +
        `to next frame median ${toFrame[toFrame.length >> 1]!.toFixed(1)} ms (max ${toFrame.at(-1)!.toFixed(1)})`,
    );
    expect(redraws.map((r) => r.label)).toEqual(choices.map((c) => c.join(" ")));

    mkdirSync("out/screenshots", { recursive: true });
    await page.screenshot({ path: "out/screenshots/multi-asset.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
