import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { lockPGliteDataDir } from "@/lib/pglite-lock.mjs";
import { runPrisma } from "./support/prisma-cli";

// The embedded database allows one process at a time; a second one must get a clear error, not
// a silently diverging copy.

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-lock-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

describe("embedded database lock", () => {
  it("refuses a Prisma command on a data directory the app holds, naming the app's process", async () => {
    const dataDir = path.join(tempDir, "held");
    const app = createPrismaClient(`pglite:${dataDir}`);
    try {
      await app.$queryRaw`SELECT 1`;
      const result = await runPrisma(["migrate", "deploy"], { DATABASE_URL: `pglite:${dataDir}` });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(`is in use by process ${process.pid}`);
      await expect(app.$queryRaw`SELECT 1`).resolves.toBeDefined();
    } finally {
      await app.$disconnect();
    }
  });

  it("refuses a second opening inside one process", () => {
    const dataDir = path.join(tempDir, "twice");
    lockPGliteDataDir(dataDir, "first");
    expect(() => lockPGliteDataDir(dataDir, "second")).toThrow(/opened twice by this process/);
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dataDir = path.join(tempDir, "stale");
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, holder: "killed", since: "earlier" }));
    expect(() => lockPGliteDataDir(dataDir, "new owner")).not.toThrow();
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
  });
});
