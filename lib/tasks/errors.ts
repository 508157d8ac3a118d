import { formatCount } from "@/lib/format-count";

// What the task service can refuse, in its own words; lib/api/respond.ts maps them to HTTP.

export class TaskNotFoundError extends Error {
  override name = "TaskNotFoundError";
  constructor() {
    super("There is no such task.");
  }
}

export class TaskOfAnotherUserError extends Error {
  override name = "TaskOfAnotherUserError";
  constructor() {
    super("This task belongs to another user.");
  }
}

export class TaskLimitReachedError extends Error {
  override name = "TaskLimitReachedError";
  constructor(limit: number) {
    super(`You already have ${formatCount(limit)} tasks, the most one account can hold. Delete some to add more.`);
  }
}

/** A create named an id that a task already has, whoever owns it. */
export class TaskIdTakenError extends Error {
  override name = "TaskIdTakenError";
  constructor() {
    super("A task with this id already exists.");
  }
}
