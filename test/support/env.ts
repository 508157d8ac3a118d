import { afterAll, beforeAll, vi } from "vitest";

const holder = globalThis as unknown as { tasksEnv?: unknown };

/**
 * Runs the enclosing tests with these environment variables, read afresh as a new server would
 * read them. A function is called when the tests start (after the beforeAll hooks registered
 * before this call), for values known only then; undefined unsets a variable.
 */
export function withEnv(vars: Record<string, string | undefined> | (() => Record<string, string | undefined>)): void {
  beforeAll(() => {
    for (const [name, value] of Object.entries(typeof vars === "function" ? vars() : vars)) vi.stubEnv(name, value);
    holder.tasksEnv = undefined;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    holder.tasksEnv = undefined;
  });
}
