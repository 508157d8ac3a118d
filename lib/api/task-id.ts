import { taskIdSchema } from "../tasks/task-id";
import { RequestError } from "./errors";

/** The task id from the path; one that cannot exist (not a UUID) is simply not found. */
export function parseTaskId(id: string): string {
  const parsed = taskIdSchema.safeParse(id);
  if (!parsed.success) throw new RequestError(404, "not_found", "There is no such task.");
  return parsed.data;
}
