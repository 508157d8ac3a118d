// Where a server's CPU time went, from a V8 CPU profile (`node --cpu-prof`): `npm run bench --
// --profile <route>` writes one of `next start` under that route's load and prints this summary.
//
// Each sample is charged to the innermost package on its stack: a frame of Node.js itself (a
// socket write, a URL parse) to the package that called it, so that "pg" includes the writes
// that send its queries. What Next.js bundles into the app's server chunks (.next/server: the
// routes, our lib/, the parts of Next.js compiled in with them) is one entry. Also the heaviest
// functions by their own time, with the package they were charged to.
//
//   node test/bench/profile.mjs <file.cpuprofile>   (or import summarizeProfile)

import { readFileSync } from "node:fs";
import { markdownTable } from "./harness.mjs";

/** The package (or part of the app) a script's URL belongs to; null for Node.js's own scripts. */
function owner(url) {
  if (!url) return null;
  if (url.includes("/.next/server/")) return "app server chunks (.next/server)";
  if (url.includes("/test/bench/")) return "the bench's probe (the profiler's own cost)";
  if (url.includes("/generated/prisma/")) return "Prisma client (generated)";
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match) return match[1];
  if (url.startsWith("node:") || !url.includes("/")) return null;
  return url;
}

/** Charged to the first owner found walking up from the sample's frame; V8's own entries by their name. */
export function summarizeProfile(profile, { top = 12 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const chargedTo = new Map();
  const chargeOf = (id) => {
    if (chargedTo.has(id)) return chargedTo.get(id);
    const { callFrame } = byId.get(id);
    let result = owner(callFrame.url);
    if (result === null) {
      const up = parent.get(id);
      if (/^\(.*\)$/.test(callFrame.functionName)) result = callFrame.functionName; // (garbage collector), (idle), (program)
      else result = up === undefined || byId.get(up).callFrame.functionName === "(root)" ? "Node.js" : chargeOf(up);
    }
    chargedTo.set(id, result);
    return result;
  };

  const time = new Map();
  const selfTime = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const where = chargeOf(id);
    time.set(where, (time.get(where) ?? 0) + delta);
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || "(anonymous)"} ${url ? `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}` : ""}`.trim() + ` [${where}]`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
  });
  const idle = time.get("(idle)") ?? 0;
  const busy = total - idle;
  const share = (value) => `${((100 * value) / busy).toFixed(1)} %`;
  const ranked = (map) => [...map].filter(([key]) => key !== "(idle)" && !key.endsWith("[(idle)]")).sort((a, b) => b[1] - a[1]);
  return [
    `CPU profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)} %); shares of the busy time\n`,
    markdownTable(
      ["share", "charged to"],
      ranked(time).map(([where, value]) => [share(value), where]),
    ),
    `\nThe ${top} functions with the most own time:\n`,
    markdownTable(
      ["share", "function [charged to]"],
      ranked(selfTime)
        .slice(0, top)
        .map(([key, value]) => [share(value), key]),
    ),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(summarizeProfile(JSON.parse(readFileSync(process.argv[2], "utf8"))));
}
