import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { replaceTaskSchema, taskChangeQuerySchema, updateTaskSchema } from "@/lib/tasks/schemas";
import { deleteTaskForUser, getTaskForUser, updateTaskForUser } from "@/lib/tasks/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/[id]", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    params: idParamsSchema,
    handle: async ({ userId, params }) => jsonResponse(await getTaskForUser(userId, params.id)),
  }),
  PUT: endpoint({
    auth: signedIn("tasks:write"),
    params: idParamsSchema,
    query: taskChangeQuerySchema,
    body: replaceTaskSchema,
    subject: "The task",
    handle: async ({ actor, params, query, body }) =>
      jsonResponse(await updateTaskForUser(actor, params.id, body, { completeSubtasks: query.subtasks === "complete" })),
  }),
  PATCH: endpoint({
    auth: signedIn("tasks:write"),
    params: idParamsSchema,
    query: taskChangeQuerySchema,
    body: updateTaskSchema,
    subject: "The task",
    handle: async ({ actor, params, query, body }) =>
      jsonResponse(await updateTaskForUser(actor, params.id, body, { completeSubtasks: query.subtasks === "complete" })),
  }),
  DELETE: endpoint({
    auth: signedIn("tasks:delete"),
    params: idParamsSchema,
    handle: async ({ actor, params }) => {
      await deleteTaskForUser(actor, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
