import { z } from "zod";
import { pageLimitSchema } from "../field-schemas";
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
