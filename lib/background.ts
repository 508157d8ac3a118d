// With ".js", plain Node (the Playwright tests import modules that reach this one) finds it too.
import { after } from "next/server.js";
import { getLogger } from "./log";

/**
 * Lets work finish after the response is sent (Better Auth's mails: advanced.backgroundTasks).
 * Inside a request, Next's after() keeps a serverless function alive until it settles (on Vercel,
 * waitUntil); outside one (tests, scripts) the process simply lives on.
 */
export function runInBackground(work: Promise<unknown>): void {
  const settled = work.catch((err) => getLogger().error({ err }, "background work failed"));
  try {
    after(settled);
  } catch {
    // Not in a request: nothing to keep alive.
  }
}
