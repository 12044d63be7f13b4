import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { buildReactive } from "../../scripts/build-reactive.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const CHROMIUM = "/usr/bin/chromium";

/**
 * Registers the test file's setup: builds the reactive site into `site`, serves it on a free port and
 * launches Debian's headless chromium (failing with a clear message when it is missing); returns
 * `open(path)`, which opens a page and collects its console errors, uncaught exceptions, failed or
 * off-site requests (the site works offline, so any request off this server is refused and counted).
 * @example const { open } = pageSession("out/site-test"); const { page, errors } = await open("regime-explorer.html");
 */
export function pageSession(site: string): { open(path: string): Promise<{ page: Page; errors: string[] }> } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`no browser at ${CHROMIUM}: the page tests drive Debian's chromium; run \`npm run setup\` (as root it installs it)`);
    }
    await buildReactive({ outDir: site });
    server = await serveStatic(site);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-background-networking"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async open(path) {
      const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
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
    },
  };
}
