import { z } from "zod";
import { pageLimitSchema } from "../field-schemas";
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
