import { errorJson } from "./respond";

/** A handler for the methods a route does not serve: 405 with JSON and an Allow header. */
export function methodNotAllowed(allowed: string[]) {
  return async (request: Request) =>
    errorJson(405, "method_not_allowed", `${request.method} is not supported here. Use ${allowed.join(", ")}.`, {
      headers: { Allow: allowed.join(", ") },
    });
}
