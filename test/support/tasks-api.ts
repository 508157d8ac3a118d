import * as completeRoute from "@/app/api/tasks/[id]/complete/route";
import * as taskRoute from "@/app/api/tasks/[id]/route";
import * as countsRoute from "@/app/api/tasks/counts/route";
import * as tasksRoute from "@/app/api/tasks/route";
import { apiRequest, callRoute, type ApiRequestInit } from "./http";

/** Sends a request to the task API through its real route handlers, as Next.js routes it. */
export function callTasksApi(method: string, path: string, init: Omit<ApiRequestInit, "method"> = {}): Promise<Response> {
  const request = apiRequest(path, { ...init, method });
  const [pathname] = path.split("?");
  const segments = pathname.split("/").filter(Boolean); // ["api", "tasks", id or "counts"?, "complete"?]
  // As in Next.js, the static segment /api/tasks/counts wins over the dynamic /api/tasks/[id].
  const handlers: Record<string, unknown> =
    segments.length === 2
      ? tasksRoute
      : segments.length === 3
        ? segments[2] === "counts"
          ? countsRoute
          : taskRoute
        : segments[3] === "complete"
          ? completeRoute
          : {};
  const handler = handlers[method] as ((request: Request, route: { params: Promise<{ id: string }> }) => Promise<Response>) | undefined;
  if (!handler) throw new Error(`no ${method} handler for ${path}`);
  return callRoute(handler, request, { id: segments[2] });
}
