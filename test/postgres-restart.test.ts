import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSigningKey } from "@/lib/better-auth";
import { createPrismaClient, setPrismaForTests } from "@/lib/db";
import { signUpUser, type TestUser } from "./support/http";
import { canRunPrivatePostgres, startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";
import { runPrisma } from "./support/prisma-cli";
import { callApi } from "./support/api";

// PostgreSQL restarts under load: requests during the outage get 503 (never a 500 or a hang),
// service comes back by itself within seconds, and every write that was acknowledged is there.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(process.env.TEST_DATABASE_URL && canRunPrivatePostgres())("PostgreSQL restarting under load", () => {
  let server: PrivatePostgres;
  let prisma: ReturnType<typeof createPrismaClient>;
  // A user per writer: together they write faster than one user's rate limit allows.
  let writers: TestUser[];

  beforeAll(async () => {
    server = await startPrivatePostgres();
    const migrated = await runPrisma(["migrate", "deploy"], { DATABASE_URL: server.url });
    expect(migrated.code, migrated.output).toBe(0);
    prisma = createPrismaClient(server.url, { max: 5, connectTimeoutMs: 1_000, queryTimeoutMs: 2_000 });
    setPrismaForTests(prisma);
    await ensureSigningKey();
    writers = await Promise.all(Array.from({ length: 4 }, (_, i) => signUpUser(`Writer ${i}`)));
  }, 120_000);

  afterAll(async () => {
    setPrismaForTests(undefined);
    await prisma?.$disconnect();
    server?.destroy();
  });

  it("answers 503 while it is down, recovers, and loses no acknowledged write", async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let recoveredAfterMs: number | undefined;
    let restartedAt = 0;
    let running = true;
    let sequence = 0;

    const writer = async (user: TestUser) => {
      while (running) {
        const started = performance.now();
        const response = await callApi("POST", "/api/tasks", { token: user.token, body: { title: `write ${sequence++}` } });
        expect(performance.now() - started, "a request never hangs").toBeLessThan(5_000);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) {
          acknowledged.push((await response.json()).id);
          if (restartedAt && recoveredAfterMs === undefined) recoveredAfterMs = performance.now() - restartedAt;
          await sleep(40); // stays under each user's write limit for the whole run
        } else {
          expect(response.headers.get("retry-after")).toBe("5");
          await sleep(50);
        }
      }
    };
    const writing = writers.map(writer);

    await sleep(1_500);
    const before = acknowledged.length;
    server.stop();
    await sleep(2_000);
    server.start();
    restartedAt = performance.now();
    await sleep(4_000);
    running = false;
    await Promise.all(writing);

    expect(before, "writes succeeded before the outage").toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(recoveredAfterMs, "service resumed after the restart").toBeLessThan(3_000);
    const stored = await prisma.task.count({ where: { id: { in: acknowledged } } });
    expect(stored).toBe(acknowledged.length);
    console.log(`restart under load: ${JSON.stringify(Object.fromEntries(statuses))}, recovered ${Math.round(recoveredAfterMs!)} ms after start`);
  }, 60_000);
});
