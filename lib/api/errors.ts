/** A problem with the HTTP request itself (body, content type, method, validation). */
export class RequestError extends Error {
  override name = "RequestError";
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 415 | 422,
    readonly code: string,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** The shape of every error body: { "error": { "code", "message", "details"? } }. */
export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}
