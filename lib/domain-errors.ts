import { formatCount } from "./format-count";

// What the services refuse, in their own words; lib/api/respond.ts maps each class to its HTTP
// status. `field` names the request field that pointed at the row, when the path did not: the
// response then carries it in `details`, as a validation error does.

export type Resource = "task" | "list" | "label" | "change" | "access token" | "reminder" | "notification" | "calendar feed";

/** No such row, or (`inTrash`) a task of the user's in the trash, which only restore reaches: 404. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    readonly resource: Resource,
    readonly field?: string,
    readonly inTrash = false,
  ) {
    super(
      inTrash
        ? `${field ? `${field} names a task that` : "This task"} is in the trash: restore it first.`
        : field
          ? `${field} names no ${resource} that exists.`
          : `There is no such ${resource}.`,
    );
  }
}

/** The row exists and is another user's: 403. */
export class OfAnotherUserError extends Error {
  override name = "OfAnotherUserError";
  constructor(
    readonly resource: Resource,
    readonly field?: string,
  ) {
    super(field ? `${field} names a ${resource} that belongs to another user.` : `This ${resource} belongs to another user.`);
  }
}

/** Refused because of what is already there (a limit reached, an id or name taken): 409. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    readonly code:
      | "conflict"
      | "changed_since"
      | "cannot_undo"
      | "parent_in_trash"
      | "task_limit_reached"
      | "list_limit_reached"
      | "label_limit_reached"
      | "label_name_taken"
      | "token_limit_reached"
      | "reminder_limit_reached"
      | "push_subscription_limit_reached"
      | "calendar_feed_limit_reached",
    message: string,
    readonly field?: string,
    /** More for the client, in the response's `details` (changed_since: the fields changed since). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A well-formed request that breaks a rule of the data (a cycle of subtasks, the Inbox...): 422. */
export class RuleError extends Error {
  override name = "RuleError";
  constructor(
    readonly code: "inbox_fixed" | "list_archived" | "subtask_too_deep" | "subtask_cycle" | "subtask_list" | "not_a_sibling" | "recurrence_needs_due" | "reminder_needs_due_moment",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A request that could do harm if repeated, sent without what makes it safe to repeat: 428. */
export class PreconditionError extends Error {
  override name = "PreconditionError";
  constructor(
    readonly code: "occurrence_required",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const limitReached = (code: Extract<ConflictError["code"], `${string}_limit_reached`>, limit: number, things: string) =>
  new ConflictError(code, `You already have ${formatCount(limit)} ${things}, the most one account can hold. Delete some to add more.`);
