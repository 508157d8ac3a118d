import { apiRoute } from "@/lib/api/route";
import { getPrisma } from "@/lib/db";
import { getLogger } from "@/lib/log";

// For uptime checks and deploy smoke tests: no auth, and it says nothing but up or down.
export const GET = apiRoute("/api/health", async () => {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    getLogger().error({ err: error }, "health check: the database is not answering");
    return Response.json(
      { status: "error", error: { code: "database_unavailable", message: "The database is not answering." } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
});
