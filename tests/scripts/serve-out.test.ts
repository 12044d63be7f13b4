import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortInUseError, serveOut } from "../../scripts/serve-out.js";
import type { ServedOut } from "../../scripts/serve-out.js";

describe("serveOut", () => {
  let dir: string;
  let served: ServedOut;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "serve-out-"));
    mkdirSync(join(dir, "site", "data"), { recursive: true });
    mkdirSync(join(dir, "notebooks"));
    writeFileSync(join(dir, "site", "explorer.html"), "<html><body>explorer page</body></html>");
    writeFileSync(join(dir, "site", "explorer.js"), "console.log(1);");
    writeFileSync(join(dir, "notebooks", "00-quickstart.html"), "<html><body>quickstart notebook</body></html>");
    writeFileSync(join(dir, "secret.txt"), "outside");
    served = await serveOut({ siteDir: join(dir, "site"), notebooksDir: join(dir, "notebooks"), port: 0 });
  });

  afterAll(async () => {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves an index linking every page and notebook", async () => {
    const res = await fetch(served.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const body = await res.text();
    expect(body).toContain('href="/explorer.html"');
    expect(body).toContain('href="/notebooks/00-quickstart.html"');
    expect(served.pages).toEqual([`${served.url}explorer.html`, `${served.url}notebooks/00-quickstart.html`]);
  });

  it("serves a reactive page and its bundle from the site directory", async () => {
    const page = await fetch(`${served.url}explorer.html`);
    expect(await page.text()).toContain("explorer page");
    const script = await fetch(`${served.url}explorer.js`);
    expect(script.headers.get("content-type")).toContain("text/javascript");
  });

  it("serves an executed notebook under /notebooks/", async () => {
    const res = await fetch(`${served.url}notebooks/00-quickstart.html`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("quickstart notebook");
  });

  it("answers 404 for missing files and paths escaping the directories", async () => {
    expect((await fetch(`${served.url}missing.html`)).status).toBe(404);
    const raw = (path: string): Promise<number> =>
      new Promise((ok, fail) => get({ host: "127.0.0.1", port: served.port, path }, (res) => ok(res.resume().statusCode ?? 0)).on("error", fail));
    expect(await raw("/../secret.txt")).toBe(404);
    expect(await raw("/notebooks/../../secret.txt")).toBe(404);
    expect(await raw("/notebooks/%2e%2e/%2e%2e/secret.txt")).toBe(404);
  });

  it("fails with a clear error when a fixed port is taken", async () => {
    await expect(serveOut({ siteDir: dir, port: served.port, fallback: false })).rejects.toThrow(PortInUseError);
    await expect(serveOut({ siteDir: dir, port: served.port, fallback: false })).rejects.toThrow(/already in use/);
  });

  it("moves to the next free port when the default is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, "127.0.0.1", () => ok()));
    const taken = (blocker.address() as { port: number }).port;
    const next = await serveOut({ siteDir: dir, port: taken });
    try {
      expect(next.port).toBeGreaterThan(taken);
    } finally {
      await next.close();
      await new Promise<void>((ok) => blocker.close(() => ok()));
    }
  });
});
