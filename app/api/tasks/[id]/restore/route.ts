import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { restoreTaskForUser } from "@/lib/trash/service";

/** Brings a task back from the trash, where it was. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]/restore", {
  POST: endpoint({
    auth: signedIn("tasks:write"),
    params: idParamsSchema,
    bodyMustBeJson: true,
    handle: async ({ actor, params }) => jsonResponse(await restoreTaskForUser(actor, params.id)),
  }),
});
