import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient, setPrismaForTests } from "@/lib/db";
import { setUpTestDatabase } from "./support/database";
import { apiRequest, callRoute } from "./support/http";
import { captureLogs } from "./support/logs";

const db = setUpTestDatabase();

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    const response = await callRoute(GET, apiRequest("/api/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a JSON error when the database does not", async () => {
    const unreachable = createPrismaClient("postgres://nobody:nothing@127.0.0.1:9/none");
    setPrismaForTests(unreachable);
    const logs = captureLogs();
    try {
      const response = await callRoute(GET, apiRequest("/api/health"));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "error", error: { code: "database_unavailable" } });
      expect(logs.lines).toContainEqual(expect.objectContaining({ level: "error", err: expect.objectContaining({ message: expect.any(String) }) }));
    } finally {
      logs.stop();
      setPrismaForTests(db.prisma);
      await unreachable.$disconnect();
    }
  });
});
