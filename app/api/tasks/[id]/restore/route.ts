import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { taskSchema } from "@/lib/tasks/schemas";
import { restoreTaskForUser } from "@/lib/trash/service";
import { assertChangeWithin } from "@/lib/tokens/list-limits";

/** Brings a task back from the trash, where it was. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]/restore", {
  POST: endpoint({
    auth: signedIn("tasks:write"),
    withinLists: ({ userId, lists, params }) => assertChangeWithin(userId, lists, params.id, undefined),
    params: idParamsSchema,
    bodyMustBeJson: true,
    docs: {
      summary: "Restore a task from the trash",
      description: "Back where it was (list, parent, position, labels), with the subtasks that went with it; a task not in the trash is answered as it is.",
      responses: { 200: taskSchema, 409: "parent_in_trash: restore its parent first; task_limit_reached." },
    },
    handle: async ({ actor, params }) => jsonResponse(await restoreTaskForUser(actor, params.id)),
  }),
});
