import { parseInput, readJsonBody } from "@/lib/api/body";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { jsonResponse } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { parseTaskId } from "@/lib/api/task-id";
import { verifyRequest } from "@/lib/auth";
import { replaceTaskSchema, updateTaskSchema } from "@/lib/tasks/schemas";
import { deleteTaskForUser, getTaskForUser, updateTaskForUser } from "@/lib/tasks/service";

type Params = { id: string };
const ROUTE = "/api/tasks/[id]";

export const GET = apiRoute<Params>(ROUTE, async (request, { id }) => {
  const userId = await verifyRequest(request);
  return jsonResponse(await getTaskForUser(userId, parseTaskId(id)));
});

export const PUT = apiRoute<Params>(ROUTE, async (request, { id }) => {
  const userId = await verifyRequest(request);
  const taskId = parseTaskId(id);
  const task = parseInput(replaceTaskSchema, await readJsonBody(request), "The task");
  return jsonResponse(await updateTaskForUser(userId, taskId, task));
});

export const PATCH = apiRoute<Params>(ROUTE, async (request, { id }) => {
  const userId = await verifyRequest(request);
  const taskId = parseTaskId(id);
  const changes = parseInput(updateTaskSchema, await readJsonBody(request), "The task");
  return jsonResponse(await updateTaskForUser(userId, taskId, changes));
});

export const DELETE = apiRoute<Params>(ROUTE, async (request, { id }) => {
  const userId = await verifyRequest(request);
  await deleteTaskForUser(userId, parseTaskId(id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(ROUTE, ["GET", "PUT", "PATCH", "DELETE"]);
