// What each server function of a production build carries, measured two ways: from Next's own
// traces (.next/server/**/*.nft.json, after `next build`) and from Vercel's build output
// (.vercel/output/functions/*.func, after `vercel build`). Used by e2e/production-build.spec.ts
// and by CI's offline `vercel build` check (.ci/check-functions.mjs).
import fs from "node:fs";
import path from "node:path";

/** Code that must never ship in a server function: the embedded database is for development. */
export const FORBIDDEN_PACKAGES = ["@electric-sql/pglite", "pglite-prisma-adapter"];
/** Far below Vercel's 250 MB, and near what the app needs (~9 MB), so that growth is noticed. */
export const FUNCTION_SIZE_LIMIT_BYTES = 15 * 1024 * 1024;

const packageOf = (file) => file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? "(app)";

/** Files (absolute paths) that Next's tracing puts into the function of one route, with instrumentation, which runs in every function. */
export function nextTracedFiles(projectDir, traceFile) {
  const server = path.join(projectDir, ".next", "server");
  const files = new Set();
  for (const nft of [traceFile, path.join(server, "instrumentation.js.nft.json")]) {
    if (!fs.existsSync(nft)) continue;
    for (const file of JSON.parse(fs.readFileSync(nft, "utf8")).files) files.add(path.resolve(path.dirname(nft), file));
  }
  return [...files];
}

/** The route traces of a Next build: route path -> its .nft.json. */
export function nextRouteTraces(projectDir, under = "api") {
  const root = path.join(projectDir, ".next", "server", "app");
  return fs
    .globSync(`${under}/**/route.js.nft.json`, { cwd: root })
    .map((file) => ({ route: `/${path.dirname(file)}`, traceFile: path.join(root, file) }));
}

/** The real (not symlinked) functions of a Vercel build output and the files each one ships (absolute paths). */
export function vercelFunctions(projectDir) {
  const root = path.join(projectDir, ".vercel", "output", "functions");
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name.endsWith(".func")) {
        if (!entry.isSymbolicLink()) found.push(full);
      } else if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return found.map((funcDir) => {
    const config = JSON.parse(fs.readFileSync(path.join(funcDir, ".vc-config.json"), "utf8"));
    const mapped = Object.values(config.filePathMap ?? {}).map((source) => path.resolve(projectDir, source));
    const local = fs.globSync("**/*", { cwd: funcDir, withFileTypes: true }).filter((e) => e.isFile() && e.name !== ".vc-config.json");
    return { name: path.relative(root, funcDir), files: [...mapped, ...local.map((e) => path.join(e.parentPath, e.name))] };
  });
}

export function summarize(files) {
  const byPackage = new Map();
  let bytes = 0;
  for (const file of files) {
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    bytes += size;
    byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + size);
  }
  const largest = [...byPackage].sort((a, b) => b[1] - a[1]);
  return { count: files.length, bytes, largest };
}

/** What is wrong with a function that ships these files: [] when nothing. */
export function problemsOf(files) {
  const { bytes } = summarize(files);
  const problems = [];
  for (const name of FORBIDDEN_PACKAGES) {
    const count = files.filter((file) => packageOf(file) === name).length;
    if (count) problems.push(`ships ${count} file(s) of ${name}`);
  }
  if (bytes > FUNCTION_SIZE_LIMIT_BYTES) problems.push(`is ${megabytes(bytes)}, over the ${megabytes(FUNCTION_SIZE_LIMIT_BYTES)} limit`);
  return problems;
}

export const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
