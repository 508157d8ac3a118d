import { afterEach, describe, expect, it, vi } from "vitest";
import { startServer } from "@/lib/startup";

// Start-up fails fast on a misconfigured production server, saying what to set.

const holder = globalThis as unknown as { tasksEnv?: unknown };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  holder.tasksEnv = undefined;
});

describe("startServer", () => {
  it("stops the process when production configuration is missing, naming each variable", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("BETTER_AUTH_SECRET", "");
    holder.tasksEnv = undefined;
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(startServer()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    const message = String(log.mock.calls[0][0]);
    expect(message).toContain("DATABASE_URL: required in production");
    expect(message).toContain("BETTER_AUTH_SECRET: required in production");
  });
});
