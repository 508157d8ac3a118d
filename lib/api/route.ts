import { errorResponse } from "./respond";

/**
 * Wraps an API route handler so that every error it throws, typed or not, becomes its one HTTP
 * response (lib/api/respond.ts). Task handlers start with `await verifyRequest(request)`.
 */
export function apiRoute<Params = Record<string, never>>(
  handler: (request: Request, params: Params) => Promise<Response>,
): (request: Request, route: { params: Promise<Params> }) => Promise<Response> {
  return async (request, route) => {
    try {
      return await handler(request, await route.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
