import { afterEach, describe, expect, it, vi } from "vitest";
import { startServer } from "@/lib/startup";
import { captureLogs } from "./support/logs";

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
    const logs = captureLogs();
    try {
      await expect(startServer()).rejects.toThrow("exit 1");
    } finally {
      logs.stop();
    }
    expect(exit).toHaveBeenCalledWith(1);
    const [line] = logs.lines;
    expect(line.level).toBe("fatal");
    expect(line.msg).toContain("DATABASE_URL: required in production");
    expect(line.msg).toContain("BETTER_AUTH_SECRET: required in production");
  });
});
