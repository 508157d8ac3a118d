import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { historyQuerySchema } from "@/lib/changes/schemas";
import { historyOfTaskForUser } from "@/lib/changes/service";
import { idParamsSchema } from "@/lib/ids";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]/history", {
  GET: endpoint({
    auth: signedIn("history:read"),
    params: idParamsSchema,
    query: historyQuerySchema,
    handle: async ({ actor, params, query }) => jsonResponse(await historyOfTaskForUser(actor, params.id, query)),
  }),
});
