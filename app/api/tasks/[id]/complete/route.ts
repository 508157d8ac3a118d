import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { jsonResponse } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { parseTaskId } from "@/lib/api/task-id";
import { verifyRequest } from "@/lib/auth";
import { toggleTaskForUser } from "@/lib/tasks/service";

const ROUTE = "/api/tasks/[id]/complete";

/** Toggles `completed`: kept from the original task API. */
export const PATCH = apiRoute<{ id: string }>(ROUTE, async (request, { id }) => {
  const userId = await verifyRequest(request);
  return jsonResponse(await toggleTaskForUser(userId, parseTaskId(id)));
});

export const GET = methodNotAllowed(ROUTE, ["PATCH"]);
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
