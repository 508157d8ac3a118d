import { NO_STORE } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { RETRY_AFTER_SECONDS } from "@/lib/database-errors";
import { checkReadiness, readinessSchema } from "@/lib/readiness";

// Readiness, for deploy checks and load balancers: 200 when this instance can serve traffic,
// 503 (with each check's result) when the database, its migrations or the signing key is not
// ready.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/health/ready", {
  GET: endpoint({
    auth: { kind: "public", reason: "readiness probe: names no data, only what an operator must do" },
    docs: {
      summary: "Check readiness",
      description: "Whether this instance can serve: the database answers, every migration is applied, a signing key exists.",
      responses: { 200: readinessSchema, 503: { description: "Not ready: each check says what to do.", json: readinessSchema, headers: { "Retry-After": "Seconds to wait before asking again." } } },
    },
    handle: async () => {
      const { ready, checks } = await checkReadiness();
      return Response.json(
        { status: ready ? "ready" : "not_ready", checks },
        { status: ready ? 200 : 503, headers: { ...NO_STORE, ...(ready ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }) } },
      );
    },
  }),
});
