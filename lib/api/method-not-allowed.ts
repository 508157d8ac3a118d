import { errorJson } from "./respond";
import { apiRoute } from "./route";

/** A handler for the methods `route` does not serve: 405 with JSON and an Allow header. */
export function methodNotAllowed(route: string, allowed: string[]) {
  // unknown: it serves routes with any params
  return apiRoute<unknown>(route, async (request) =>
    errorJson(405, "method_not_allowed", `${request.method} is not supported here. Use ${allowed.join(", ")}.`, {
      headers: { Allow: allowed.join(", ") },
    }),
  );
}
