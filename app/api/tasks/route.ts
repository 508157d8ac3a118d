import { parseInput, readJsonBody } from "@/lib/api/body";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { jsonResponse } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { verifyRequest } from "@/lib/auth";
import { createTaskSchema, listQuerySchema } from "@/lib/tasks/schemas";
import { createTaskForUser, listTasksForUser } from "@/lib/tasks/service";

const ROUTE = "/api/tasks";

export const GET = apiRoute(ROUTE, async (request) => {
  const userId = await verifyRequest(request);
  const query = parseInput(listQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "The query");
  return jsonResponse(await listTasksForUser(userId, query));
});

export const POST = apiRoute(ROUTE, async (request) => {
  const userId = await verifyRequest(request);
  const input = parseInput(createTaskSchema, await readJsonBody(request), "The task");
  const task = await createTaskForUser(userId, input);
  return jsonResponse(task, { status: 201, headers: { Location: `/api/tasks/${task.id}` } });
});

export const PUT = methodNotAllowed(ROUTE, ["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
