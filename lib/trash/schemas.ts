import { z } from "zod";
import { instantSchema, pageLimitSchema } from "../field-schemas";
import { taskSchema } from "../tasks/schemas";
import { TRASH_PAGE_DEFAULT, TRASH_PAGE_MAX } from "./constants";

/** Where a page of the trash ends: its last task's deletedAt and id (newest first). */
export interface TrashCursor {
  deletedAt: Date;
  id: string;
}

export const encodeTrashCursor = ({ deletedAt, id }: TrashCursor) => `${deletedAt.toISOString()}_${id}`;
const TRASH_CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Trash query parameters; any other parameter is ignored. */
export const trashQuerySchema = z
  .object({
    limit: pageLimitSchema(TRASH_PAGE_MAX, TRASH_PAGE_DEFAULT),
    /** The nextCursor of the page before. */
    cursor: z.string().max(100).optional(),
  })
  .transform(({ limit, cursor }, context) => {
    const match = cursor === undefined ? null : TRASH_CURSOR.exec(cursor);
    const deletedAt = match ? new Date(match[1]) : null;
    if (cursor !== undefined && (!match || Number.isNaN(deletedAt!.getTime()))) {
      context.addIssue({ code: "custom", path: ["cursor"], message: "cursor is not one this API returned for the trash." });
      return z.NEVER;
    }
    return { limit, after: match ? { deletedAt: deletedAt!, id: match[2] } : null };
  });
export type TrashQuery = z.output<typeof trashQuerySchema>;

// What the trash API answers (lib/trash/service.ts's types are these schemas' output).
export const trashedTaskSchema = taskSchema
  .pick({ id: true, title: true, description: true, completed: true, priority: true, dueDate: true, dueAt: true, dueTimeZone: true, listId: true, parentId: true })
  .extend({
    deletedAt: instantSchema,
    purgeAt: instantSchema.meta({ description: "When it is deleted for good, unless restored before." }),
    subtaskCount: z.int().meta({ description: "Subtasks, at every level, that went to the trash with it and come back with it." }),
  })
  .meta({ id: "TrashedTask" });

export const trashPageSchema = z.object({ tasks: z.array(trashedTaskSchema), nextCursor: z.string().nullable() }).meta({ id: "TrashPage" });

export const emptiedTrashSchema = z.object({ deleted: z.int().meta({ description: "How many tasks were deleted for good." }) }).meta({ id: "EmptiedTrash" });
