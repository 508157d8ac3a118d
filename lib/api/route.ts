import { verifiedUserIdOf } from "../auth";
import { getLogger } from "../log";
import { requestIdOf } from "../request-id";
import { errorResponse } from "./respond";

/**
 * Wraps an API route handler: every error it throws, typed or not, becomes its one HTTP response
 * (lib/api/respond.ts), and every request ends with one log line:
 * `{ msg: "request", method, route, status, durationMs, requestId, userId? }`.
 * `route` is the route's pattern as in app/ (`/api/tasks/[id]`), never the URL with its ids.
 * Task handlers start with `await verifyRequest(request)`, which is how the line learns the user.
 */
export function apiRoute<Params = Record<string, never>>(
  route: string,
  handler: (request: Request, params: Params) => Promise<Response>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    let response: Response;
    try {
      response = await handler(request, await context.params);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    getLogger().info(
      {
        method: request.method,
        route,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        requestId,
        userId: verifiedUserIdOf(request),
      },
      "request",
    );
    return response;
  };
}
