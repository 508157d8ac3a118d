// npm's pretest: before any test runs, checks what the suite needs and says in one line what is
// missing. The Node major is package.json's engines line, the one production and CI run (the
// tests use its APIs); the browser is the one e2e/chromium.mjs finds.
import fs from "node:fs";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./chromium.mjs";

const wanted = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")).engines.node.split(".")[0];
const running = process.versions.node.split(".")[0];
if (running !== wanted) {
  console.error(`The tests run on Node ${wanted} (package.json engines), the version production runs; this is Node ${process.version}. Switch to Node ${wanted} (e.g. nvm install ${wanted}) and run npm ci again.`);
  process.exit(1);
}
const browser = findChromium();
if (!browser) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
console.log(`Node ${process.version}; end-to-end tests will use ${browser}`);
