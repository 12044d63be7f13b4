// Serves what `npm start` builds on localhost with one small static server (node:http): the reactive site
// (out/site) at /, the executed notebooks (out/notebooks) at /notebooks/, and an index page linking both.
//   npx tsx scripts/serve-out.ts              first free port from 8000 (prints it)
//   npx tsx scripts/serve-out.ts --port 8123  exactly that port (fails clearly when it is taken)
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".arrow": "application/vnd.apache.arrow.file",
  ".csv": "text/csv; charset=utf-8",
  ".ipynb": "application/x-ipynb+json",
};

/** Options of {@link serveOut}. */
export interface ServeOutOptions {
  /** The reactive site, served at /. Default "out/site" in the repository. */
  readonly siteDir?: string;
  /** The executed notebooks, served at /notebooks/. Default "out/notebooks" in the repository. */
  readonly notebooksDir?: string;
  /** The port; 0 picks any free port. Default 8000. */
  readonly port?: number;
  /** When the port is taken, try the next ones (up to 20) instead of failing. Default true. */
  readonly fallback?: boolean;
  /** The interface to listen on. Default "127.0.0.1". */
  readonly host?: string;
}

/** A running server: its base address, the pages it lists and how to stop it. */
export interface ServedOut {
  readonly url: string;
  readonly port: number;
  /** Addresses of the reactive pages, then of the notebooks. */
  readonly pages: string[];
  readonly server: Server;
  close(): Promise<void>;
}

/** Thrown when the requested port (and every fallback) is already in use. */
export class PortInUseError extends Error {
  constructor(port: number, last: number) {
    const ports = last === port ? `${port}` : `${port}..${last}`;
    super(`invalid port: ${ports} (expected a free port; already in use); hint: stop the other server or pass --port <n> (0 = any free port)`);
    this.name = "PortInUseError";
  }
}

function htmlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".html")).sort() : [];
}

function indexPage(siteDir: string, notebooksDir: string): string {
  const list = (prefix: string, files: string[]): string =>
    files.length === 0 ? "<p><em>none built</em></p>" : `<ul>${files.map((f) => `<li><a href="${prefix}${f}">${f.replace(/\.html$/, "")}</a></li>`).join("")}</ul>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>regime-lab</title></head><body>
<h1>regime-lab</h1>
<h2>Reactive pages</h2>${list("/", htmlFiles(siteDir).filter((f) => f !== "index.html"))}
<h2>Notebooks (executed)</h2>${list("/notebooks/", htmlFiles(notebooksDir))}
</body></html>`;
}

/** Returns the file a request path maps to, or undefined when it escapes its directory or is missing. */
function fileFor(urlPath: string, siteDir: string, notebooksDir: string): string | undefined {
  const path = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  const [base, rest] = path.startsWith("/notebooks/") ? [notebooksDir, path.slice("/notebooks/".length)] : [siteDir, path.slice(1)];
  const file = resolve(base, rest);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  const target = existsSync(file) && statSync(file).isDirectory() ? join(file, "index.html") : file;
  return existsSync(target) && statSync(target).isFile() ? target : undefined;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    const onError = (error: Error): void => fail(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const address = server.address();
      ok(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

/**
 * Returns a running static server of the reactive site (/) and the executed notebooks (/notebooks/), with
 * an index page at / linking every page and notebook.
 * @example const { url, close } = await serveOut({ port: 0 }); console.log(url); await close();
 */
export async function serveOut(options: ServeOutOptions = {}): Promise<ServedOut> {
  const siteDir = resolve(ROOT, options.siteDir ?? "out/site");
  const notebooksDir = resolve(ROOT, options.notebooksDir ?? "out/notebooks");
  const host = options.host ?? "127.0.0.1";
  const first = options.port ?? 8000;
  const last = (options.fallback ?? true) && first !== 0 ? first + 19 : first;
  const server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    if (path === "/" || path === "/index.html") {
      if (!existsSync(join(siteDir, "index.html"))) {
        res.writeHead(200, { "content-type": TYPES[".html"] }).end(indexPage(siteDir, notebooksDir));
        return;
      }
    }
    const file = fileFor(path, siteDir, notebooksDir);
    if (file === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(500, { "content-type": "text/plain" }).end(`cannot read: ${path}`);
    }
  });
  for (let port = first; ; port++) {
    try {
      const actual = await listen(server, port, host);
      const url = `http://${host}:${actual}/`;
      const pages = [
        ...htmlFiles(siteDir).filter((f) => f !== "index.html").map((f) => `${url}${f}`),
        ...htmlFiles(notebooksDir).map((f) => `${url}notebooks/${f}`),
      ];
      const close = (): Promise<void> =>
        new Promise((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        });
      return { url, port: actual, pages, server, close };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      if (port >= last) throw new PortInUseError(first, last);
    }
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.indexOf("--port");
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`invalid --port: ${process.argv[portArg + 1]} (expected an integer 0..65535); hint: --port 8000`);
    process.exit(2);
  }
  try {
    const served = await serveOut({ port, fallback: port === undefined });
    console.log(`Serving on ${served.url}  (index of everything; Ctrl-C to stop)`);
    for (const page of served.pages) console.log(`  ${page}`);
    process.on("SIGINT", () => void served.close().then(() => process.exit(0)));
  } catch (error) {
    console.error(error instanceof PortInUseError ? `serve-out: ${error.message}` : error);
    process.exit(1);
  }
}
