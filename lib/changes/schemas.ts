import { z } from "zod";
import { ChangeEntity, ChangeOp } from "@/generated/prisma/enums";
import { instantSchema, pageLimitSchema } from "../field-schemas";
import { idSchema } from "../ids";
import { FEED_PAGE_DEFAULT, FEED_PAGE_MAX, HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX } from "./constants";

// A change's number (`seq`), in a cursor or a path: it counts the user's changes from 1.
const SEQ = /^(0|[1-9]\d{0,17})$/;
const seqSchema = (message: string) =>
  z
    .string()
    .regex(SEQ, message)
    .transform((text) => BigInt(text));

/** The feed: changes after `since` (a cursor the feed returned). Without it: none, and the cursor of now. */
export const feedQuerySchema = z.object({
  since: seqSchema("since must be a cursor that this API returned.").optional(),
  limit: pageLimitSchema(FEED_PAGE_MAX, FEED_PAGE_DEFAULT),
});
export type FeedQuery = z.output<typeof feedQuerySchema>;

/** A task's history, newest first; `cursor`: the nextCursor of the page before. */
export const historyQuerySchema = z.object({
  cursor: seqSchema("cursor must be one that this API returned for this history.").optional(),
  limit: pageLimitSchema(HISTORY_PAGE_MAX, HISTORY_PAGE_DEFAULT),
});
export type HistoryQuery = z.output<typeof historyQuerySchema>;

/** The path of one change: /api/changes/[seq]/undo. */
export const changeParamsSchema = z.object({ seq: z.string().regex(SEQ).transform((text) => BigInt(text)) });

/** Undo: `overwrite` says to restore the fields even where they have changed since. */
export const undoSchema = z.strictObject({
  overwrite: z.boolean({ error: "overwrite must be true or false." }).optional(),
});

/** Who a revert undoes: an actor as the log names it. */
export const actorNameSchema = z.string({ error: "actor must be a device or token as the changes name it, e.g. session:<id>." }).regex(/^(session|token):[A-Za-z0-9_.-]{1,200}$/, "actor must be a device or token as the changes name it, e.g. session:<id>.");

/** Revert: every change `actor` made from `since` on (the newest REVERT_MAX), or with `preview` only what that would undo. */
export const revertSchema = z.strictObject({
  actor: actorNameSchema,
  since: z.iso.datetime({ offset: true, error: "since must be an ISO 8601 date-time." }).transform((text) => new Date(text)),
  preview: z.boolean({ error: "preview must be true or false." }).optional(),
});

// What the changes API answers (the types of lib/changes/service.ts and revert.ts are these
// schemas' output; lib/api/openapi.ts documents them).

/** An update's fields, a task label's { labelId }: a row's columns as the log stored them. */
const changedFields = z.record(z.string(), z.unknown()).nullable();

export const changeEntrySchema = z
  .object({
    seq: z.int().meta({ description: "The user's change number: the feed's order, and what undo names." }),
    at: instantSchema,
    actor: z.string().nullable().meta({ description: 'What made it: "session:<id>" (a device), "token:<id>", or null (the system: trash expiry, migrations).' }),
    mine: z.boolean().meta({ description: "Made by the session asking." }),
    entity: z.enum(ChangeEntity),
    entityId: idSchema.meta({ description: "The task, list or label; for a task label (entity task_label), its task." }),
    op: z.enum(ChangeOp),
    before: changedFields.meta({ description: "Its fields before (an update: only those it changed); a task label's: { labelId }." }),
    after: changedFields.meta({ description: "Its fields after, as `before`." }),
  })
  .meta({ id: "Change" });

export const feedPageSchema = z
  .object({
    changes: z.array(changeEntrySchema),
    cursor: z.string().meta({ description: "Ask again with since= this for what comes next." }),
    more: z.boolean().meta({ description: "More changes are waiting: ask again at once." }),
  })
  .meta({ id: "FeedPage" });

export const historyPageSchema = z.object({ changes: z.array(changeEntrySchema), nextCursor: z.string().nullable() }).meta({ id: "HistoryPage" });

export const undoneSchema = z.object({ undone: z.int().meta({ description: "The seq of the change undone." }) }).meta({ id: "Undone" });

export const revertPreviewSchema = z
  .object({
    changes: z.array(changeEntrySchema).meta({ description: "Newest first: the order they would be undone in." }),
    more: z.boolean().meta({ description: "More than this revert takes: it undoes the newest ones; another does the rest." }),
    names: z.record(z.string(), z.string()).meta({ description: "The current name of each task, list and label the changes touch (deleted ones from their last state)." }),
  })
  .meta({ id: "RevertPreview" });

export const revertResultSchema = z
  .object({
    undone: z.int(),
    skipped: z.array(z.object({ seq: z.int(), reason: z.string() })).meta({ description: "The changes left as they are, and why (changed since by someone else, deleted for good...)." }),
  })
  .meta({ id: "RevertResult" });
