import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { OCCURRENCE_REQUIRED, replaceTaskSchema, taskChangeQuerySchema, taskSchema, updateTaskSchema } from "@/lib/tasks/schemas";
import { deleteTaskForUser, getTaskForUser, updateTaskForUser } from "@/lib/tasks/service";
import { assertChangeWithin } from "@/lib/tokens/list-limits";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    withinLists: ({ userId, lists, params }) => assertChangeWithin(userId, lists, params.id, undefined),
    params: idParamsSchema,
    docs: { summary: "Get a task", responses: { 200: taskSchema } },
    handle: async ({ userId, params }) => jsonResponse(await getTaskForUser(userId, params.id)),
  }),
  PUT: endpoint({
    auth: signedIn("tasks:write"),
    withinLists: ({ userId, lists, params, body }) => assertChangeWithin(userId, lists, params.id, body),
    params: idParamsSchema,
    query: taskChangeQuerySchema,
    body: replaceTaskSchema,
    subject: "The task",
    docs: { summary: "Replace a task", description: "Every content field must be sent; where it sits may be.", responses: { 200: taskSchema, 428: OCCURRENCE_REQUIRED } },
    handle: async ({ actor, params, query, body }) =>
      jsonResponse(await updateTaskForUser(actor, params.id, body, { completeSubtasks: query.subtasks === "complete" })),
  }),
  PATCH: endpoint({
    auth: signedIn("tasks:write"),
    withinLists: ({ userId, lists, params, body }) => assertChangeWithin(userId, lists, params.id, body),
    params: idParamsSchema,
    query: taskChangeQuerySchema,
    body: updateTaskSchema,
    subject: "The task",
    docs: {
      summary: "Update a task",
      description:
        "Changes the fields it names, at least one; `after` moves it in the manual order. `?subtasks=complete` completes its open subtasks with it. Completing a repeating task moves it to its next occurrence: send `occurrence`.",
      responses: { 200: taskSchema, 428: OCCURRENCE_REQUIRED },
    },
    handle: async ({ actor, params, query, body }) =>
      jsonResponse(await updateTaskForUser(actor, params.id, body, { completeSubtasks: query.subtasks === "complete" })),
  }),
  DELETE: endpoint({
    auth: signedIn("tasks:delete"),
    withinLists: ({ userId, lists, params }) => assertChangeWithin(userId, lists, params.id, undefined),
    params: idParamsSchema,
    docs: { summary: "Move a task to the trash", description: "With its subtasks, for 30 days.", responses: { 204: null } },
    handle: async ({ actor, params }) => {
      await deleteTaskForUser(actor, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
