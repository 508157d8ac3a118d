import { afterAll, beforeAll, vi } from "vitest";

const holder = globalThis as unknown as { tasksEnv?: unknown };

/** Runs the enclosing tests with these environment variables, read afresh as a new server would read them. */
export function withEnv(vars: Record<string, string>): void {
  beforeAll(() => {
    for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
    holder.tasksEnv = undefined;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    holder.tasksEnv = undefined;
  });
}
