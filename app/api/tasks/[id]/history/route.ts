import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { historyPageSchema, historyQuerySchema } from "@/lib/changes/schemas";
import { historyOfTaskForUser } from "@/lib/changes/service";
import { idParamsSchema } from "@/lib/ids";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]/history", {
  GET: endpoint({
    auth: signedIn("history:read"),
    params: idParamsSchema,
    query: historyQuerySchema,
    docs: { summary: "Get a task's history", description: "Every change to the task, newest first.", responses: { 200: historyPageSchema } },
    handle: async ({ actor, params, query }) => jsonResponse(await historyOfTaskForUser(actor, params.id, query)),
  }),
});
