// After an offline `vercel build`: prints what each server function ships and fails (exit 1)
// when one carries the embedded database or outgrows the limit (e2e/server-functions.mjs).
import { megabytes, problemsOf, summarize, vercelFunctions } from "../e2e/server-functions.mjs";

const functions = vercelFunctions(process.cwd());
if (functions.length === 0) {
  console.error("No functions in .vercel/output/functions: did `vercel build` run?");
  process.exit(1);
}
let failed = false;
for (const { name, files } of functions) {
  const { count, bytes, largest } = summarize(files);
  const problems = problemsOf(files);
  failed ||= problems.length > 0;
  const top = largest.slice(0, 3).map(([pkg, size]) => `${pkg} ${megabytes(size)}`).join(", ");
  console.log(`${problems.length ? "FAIL" : "ok  "} ${name}: ${count} files, ${megabytes(bytes)} (largest: ${top})${problems.length ? ` -- ${problems.join("; ")}` : ""}`);
}
process.exit(failed ? 1 : 0);
