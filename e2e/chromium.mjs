// Finds the Chromium the end-to-end tests drive, in this order: CHROMIUM_PATH, a Chromium or
// Chrome on PATH (Debian's `chromium`), then Playwright's own download (`npx playwright install
// chromium`, where downloads work). e2e/preflight.mjs (npm's pretest) reports what it finds.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const SYSTEM_BROWSERS = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];
export const HOW_TO_GET_CHROMIUM =
  "No Chromium found for the end-to-end tests: install one (Debian/Ubuntu: apt-get install -y chromium; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.";

const isExecutable = (file) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The browser binary to launch, or undefined when there is none. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of SYSTEM_BROWSERS) {
    const found = dirs.map((dir) => path.join(dir, name)).find(isExecutable);
    if (found) return found;
  }
  const downloaded = chromium.executablePath();
  return isExecutable(downloaded) ? downloaded : undefined;
}
