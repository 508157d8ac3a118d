import { afterEach, describe, expect, it, vi } from "vitest";

// One Prisma client per process, even when the module is loaded again (Next.js's separate module
// graphs, dev hot reloads): a second client would open the embedded database a second time.

afterEach(async () => {
  const { setPrismaForTests } = await import("@/lib/db");
  setPrismaForTests(undefined);
});

describe("getPrisma", () => {
  it("returns the same client from every copy of the module", async () => {
    vi.stubEnv("DATABASE_URL", "pglite:memory");
    const first = await import("@/lib/db");
    first.setPrismaForTests(undefined);
    const client = first.getPrisma();
    vi.resetModules();
    const second = await import("@/lib/db");
    expect(second).not.toBe(first);
    expect(second.getPrisma()).toBe(client);
    await expect(client.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
    await client.$disconnect();
    vi.unstubAllEnvs();
  });
});
