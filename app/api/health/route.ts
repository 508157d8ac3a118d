import { z } from "zod";
import { NO_STORE } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";

// Liveness: the server process answers. Deliberately touches nothing else, so a slow database
// never makes a platform restart healthy instances; /api/health/ready says whether it can serve.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/health", {
  GET: endpoint({
    auth: { kind: "public", reason: "liveness probe: says only that the process answers" },
    docs: { summary: "Check liveness", description: "The server process answers; nothing else is checked.", responses: { 200: z.object({ status: z.literal("ok") }) } },
    handle: async () => Response.json({ status: "ok" }, { headers: { ...NO_STORE } }),
  }),
});
