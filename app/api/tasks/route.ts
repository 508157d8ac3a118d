import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse, jsonTextResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createTaskSchema, listQuerySchema, taskPageSchema, taskSchema } from "@/lib/tasks/schemas";
import { createTaskForUser, taskPageJson } from "@/lib/tasks/service";
import { assertNewTaskWithin, assertReadWithin } from "@/lib/tokens/list-limits";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    withinLists: ({ lists, query }) => assertReadWithin(lists, query.listId),
    query: listQuerySchema,
    rateLimit: ({ query }) => (query.q ? "search" : "read"),
    docs: {
      summary: "List tasks",
      description: "A page of your tasks that pass every filter, in the order asked; walk the pages with `cursor=` the last page's `nextCursor`.",
      responses: { 200: taskPageSchema, 404: "listId, labelId or parentId names no row of yours." },
    },
    handle: async ({ userId, query }) => jsonTextResponse(await taskPageJson(userId, query)),
  }),
  POST: endpoint({
    auth: signedIn("tasks:write"),
    withinLists: ({ userId, lists, body }) => assertNewTaskWithin(userId, lists, body),
    body: createTaskSchema,
    subject: "The task",
    docs: {
      summary: "Create a task",
      responses: {
        201: { json: taskSchema, headers: { Location: "The new task's address." } },
        404: "listId, parentId, labelIds or after names no row of yours.",
        409: "task_limit_reached: the account holds the most tasks it can; conflict: a task already has this id.",
      },
    },
    handle: async ({ actor, body }) => {
      const task = await createTaskForUser(actor, body);
      return jsonResponse(task, { status: 201, headers: { Location: `/api/tasks/${task.id}` } });
    },
  }),
});
