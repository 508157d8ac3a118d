import { AuthenticationError, AuthUnavailableError, CronNotConfiguredError, InsufficientScopeError } from "../auth";
import { isDatabaseUnavailableError, RETRY_AFTER_SECONDS } from "../database-errors";
import { getLogger } from "../log";
import { ConflictError, NotFoundError, OfAnotherUserError, PreconditionError, RuleError } from "../domain-errors";
import { errorBody, RequestError } from "./errors";
import { RateLimitedError } from "./rate-limit";

// The one mapping from errors to HTTP responses for the API. Every error body is errorBody()'s.

/** For every response that carries a token or private data: no browser or proxy may keep it. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function errorJson(status: number, code: string, message: string, options: { details?: Record<string, unknown>; headers?: HeadersInit } = {}) {
  return Response.json(errorBody(code, message, options.details), { status, headers: { ...NO_STORE, ...options.headers } });
}

/** A service's refusal about one request field, in `details` as a validation error names fields. */
function fieldDetails(error: { field?: string; message: string }) {
  return error.field ? { details: { [error.field]: [error.message] } } : {};
}

/** The response for an error a handler threw; an unexpected one is logged under the request's id. */
export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof AuthenticationError) {
    // RFC 6750: say which scheme is expected, and that the presented token was refused.
    const challenge = error.tokenPresented ? 'Bearer error="invalid_token"' : "Bearer";
    return errorJson(401, "unauthorized", error.message, { headers: { "WWW-Authenticate": challenge } });
  }
  if (error instanceof InsufficientScopeError) {
    const challenge = `Bearer error="insufficient_scope"${error.scope ? `, scope="${error.scope}"` : ""}`;
    return errorJson(403, "insufficient_scope", error.message, { headers: { "WWW-Authenticate": challenge } });
  }
  if (error instanceof AuthUnavailableError) return errorJson(503, "service_unavailable", error.message, { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
  if (error instanceof CronNotConfiguredError) return errorJson(503, "not_configured", error.message);
  if (error instanceof RequestError) return errorJson(error.status, error.code, error.message, { details: error.details });
  if (error instanceof NotFoundError || error instanceof OfAnotherUserError) {
    const [status, code] = error instanceof NotFoundError ? [404, "not_found"] : [403, "forbidden"];
    const inTrash = error instanceof NotFoundError && error.inTrash ? { inTrash: true } : {};
    return errorJson(status, code, error.message, { details: { resource: error.resource, ...inTrash, ...fieldDetails(error).details } });
  }
  if (error instanceof ConflictError) {
    const details = { ...fieldDetails(error).details, ...error.details };
    return errorJson(409, error.code, error.message, Object.keys(details).length > 0 ? { details } : {});
  }
  if (error instanceof RuleError) return errorJson(422, error.code, error.message, fieldDetails(error));
  if (error instanceof PreconditionError) return errorJson(428, error.code, error.message, fieldDetails(error));
  if (error instanceof RateLimitedError) return errorJson(429, "rate_limited", error.message, { headers: { "Retry-After": String(error.retryAfterSeconds) } });
  if (isDatabaseUnavailableError(error)) {
    getLogger().warn({ err: error, requestId }, "the database is unavailable");
    return errorJson(503, "database_unavailable", "The database is not answering right now; try again in a few seconds.", {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    });
  }
  getLogger().error({ err: error, requestId }, "unexpected error");
  return errorJson(500, "internal_error", `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`, {
    details: { requestId },
  });
}

type JsonResponseInit = { status?: number; headers?: HeadersInit };

export function jsonResponse(body: unknown, init: JsonResponseInit = {}): Response {
  return jsonTextResponse(JSON.stringify(body), init);
}

/** A body that is JSON text already (a page of tasks as the database wrote it): sent as it is. */
export function jsonTextResponse(json: string, init: JsonResponseInit = {}): Response {
  return new Response(json, { status: init.status ?? 200, headers: { "Content-Type": "application/json", ...NO_STORE, ...init.headers } });
}
