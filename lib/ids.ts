import { z } from "zod";

/** The id of a task, list or label: a UUID (the columns' type), so anything else names nothing. */
export const idSchema = z.uuid("Id must be a UUID.");

/** The path of a single row's routes: /api/tasks/[id], /api/lists/[id], /api/labels/[id]. */
export const idParamsSchema = z.object({ id: idSchema });
