import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createTaskSchema, listQuerySchema } from "@/lib/tasks/schemas";
import { createTaskForUser, listTasksForUser } from "@/lib/tasks/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    query: listQuerySchema,
    rateLimit: ({ query }) => (query.q ? "search" : "read"),
    handle: async ({ userId, query }) => jsonResponse(await listTasksForUser(userId, query)),
  }),
  POST: endpoint({
    auth: signedIn("tasks:write"),
    body: createTaskSchema,
    subject: "The task",
    handle: async ({ actor, body }) => {
      const task = await createTaskForUser(actor, body);
      return jsonResponse(task, { status: 201, headers: { Location: `/api/tasks/${task.id}` } });
    },
  }),
});
