import { SignedOutError } from "./api-fetch";
import { ApiError, NETWORK_ERROR } from "./tasks-api";

// What the task page says when a request fails, by the API's error code (lib/api/respond.ts is
// the one table of codes). Validation messages are already written for people and are shown as
// they come; the rest are rewritten in words that say what happened and what to do.

/** A wait the server asked for (Retry-After), in words: "30 seconds"; "a few seconds" when it named none (null, 0, NaN). */
export const seconds = (n: number | null) => (!(n && n > 0) ? "a few seconds" : n === 1 ? "a second" : `${n} seconds`);

/** What a 403 or 404 was about: the API names it (task, list or label). */
const resourceOf = (error: ApiError) => (typeof error.details.resource === "string" ? error.details.resource : "task");

export function errorMessage(error: unknown): string {
  if (error instanceof SignedOutError) return "Your session has ended. Sign in again to continue.";
  if (!(error instanceof ApiError)) return "Something went wrong in the page. Reload it and try again.";
  switch (error.code) {
    case NETWORK_ERROR:
      return "Could not reach the server. Check your connection and try again.";
    case "validation_failed": {
      const fieldMessages = Object.values(error.details).flat().filter((m): m is string => typeof m === "string");
      return fieldMessages.length > 0 ? fieldMessages.join(" ") : error.message;
    }
    case "not_found":
      return `That ${resourceOf(error)} no longer exists. It may have been deleted in another window.`;
    case "forbidden":
      return `That ${resourceOf(error)} belongs to another account.`;
    case "conflict":
      return "That task was already saved.";
    case "rate_limited":
      return `That was a lot of changes at once. Try again in ${seconds(error.retryAfterSeconds)}.`;
    case "database_unavailable":
    case "service_unavailable":
      return `The server is busy right now. Try again in ${seconds(error.retryAfterSeconds)}.`;
    default:
      return error.message; // internal_error's names the request id to quote
  }
}
