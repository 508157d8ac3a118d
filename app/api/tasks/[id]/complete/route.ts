import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { OCCURRENCE_REQUIRED, taskSchema, toggleQuerySchema } from "@/lib/tasks/schemas";
import { toggleTaskForUser } from "@/lib/tasks/service";
import { assertChangeWithin } from "@/lib/tokens/list-limits";

/** Toggles `completed`: kept from the original task API. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]/complete", {
  PATCH: endpoint({
    auth: signedIn("tasks:write"),
    withinLists: ({ userId, lists, params }) => assertChangeWithin(userId, lists, params.id, undefined),
    params: idParamsSchema,
    query: toggleQuerySchema,
    docs: {
      summary: "Toggle a task's completion",
      description:
        "`?subtasks=complete` completes its open subtasks with it. A repeating task stays open and moves to its next occurrence; `?occurrence=` (its dueDate or dueAt) names the one completed, so that a repeated request completes it once.",
      responses: { 200: taskSchema, 428: OCCURRENCE_REQUIRED },
    },
    handle: async ({ actor, params, query }) =>
      jsonResponse(await toggleTaskForUser(actor, params.id, { completeSubtasks: query.subtasks === "complete", occurrence: query.occurrence })),
  }),
});
