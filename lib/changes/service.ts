import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../actor";
import { getPrisma } from "../db";
import { NotFoundError, OfAnotherUserError } from "../domain-errors";
import type { z } from "zod";
import type { changeEntrySchema, FeedQuery, feedPageSchema, historyPageSchema, HistoryQuery } from "./schemas";

// Reads of the change log (written by the database's trigger, see prisma/schema.prisma Change):
// the changes feed and a task's history. Scoped like everything else: every statement names
// the user, and an entry holds only the user's own rows' fields and ids.

/** A change as the API answers it, and pages of them: lib/changes/schemas.ts. */
export type ChangeEntry = z.output<typeof changeEntrySchema>;
export type FeedPage = z.output<typeof feedPageSchema>;
export type HistoryPage = z.output<typeof historyPageSchema>;

const CHANGE_SELECT = { seq: true, at: true, actor: true, entity: true, entityId: true, op: true, before: true, after: true } as const satisfies Prisma.ChangeSelect;
type ChangeRow = Prisma.ChangeGetPayload<{ select: typeof CHANGE_SELECT }>;

// The timestamp columns, as to_jsonb() wrote them: "timestamp" ones without a zone (UTC, as
// the app writes them), "timestamptz" ones with the session's offset. Answered as ISO 8601 UTC.
// A whole-day dueDate is a date ("2026-12-24"), kept as it is; one logged before whole days and
// moments were told apart was an instant, and is answered as one. dueSort only mirrors the due
// (lib/tasks/due.ts): not a change of its own, left out.
const TIMESTAMP_FIELDS = new Set(["dueAt", "createdAt", "updatedAt", "deletedAt"]);
const DERIVED_FIELDS = new Set(["dueSort"]);
const isTimestamp = (key: string, value: string) => TIMESTAMP_FIELDS.has(key) || (key === "dueDate" && value.includes("T"));
const HAS_ZONE = /(Z|[+-]\d\d(:?\d\d)?)$/;

function fields(json: Prisma.JsonValue | null): Record<string, unknown> | null {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return null;
  return Object.fromEntries(
    Object.entries(json)
      .filter(([key]) => !DERIVED_FIELDS.has(key))
      .map(([key, value]) => [
      key,
      typeof value === "string" && isTimestamp(key, value) ? new Date(HAS_ZONE.test(value) ? value : `${value}Z`).toISOString() : value,
    ]),
  );
}

export function toChangeEntry(row: ChangeRow, via: string): ChangeEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    mine: row.actor === via,
    entity: row.entity,
    entityId: row.entityId,
    op: row.op,
    before: fields(row.before),
    after: fields(row.after),
  };
}

/**
 * The user's changes after `since`, in the order they committed, every one exactly once: a
 * change's number is taken under the user's counter row lock, held until its transaction ends,
 * so a change numbered below one already visible is visible too. Without `since`: none, and
 * the cursor of the newest change, where a client starts following.
 */
export async function changesSinceForUser(actor: Actor, query: FeedQuery): Promise<FeedPage> {
  const prisma = getPrisma();
  if (query.since === undefined) {
    const sync = await prisma.userSync.findUnique({ where: { userId: actor.userId }, select: { seq: true } });
    return { changes: [], cursor: String(sync?.seq ?? 0n), more: false };
  }
  const rows = await prisma.change.findMany({
    where: { userId: actor.userId, seq: { gt: query.since } },
    orderBy: { seq: "asc" },
    take: query.limit + 1,
    select: CHANGE_SELECT,
  });
  const page = rows.slice(0, query.limit);
  return { changes: page.map((row) => toChangeEntry(row, actor.via)), cursor: String(page.at(-1)?.seq ?? query.since), more: rows.length > query.limit };
}

/** The history of one of the user's tasks (in the trash, or deleted for good, too), newest first. */
export async function historyOfTaskForUser(actor: Actor, taskId: string, query: HistoryQuery): Promise<HistoryPage> {
  const prisma = getPrisma();
  const rows = await prisma.change.findMany({
    where: { userId: actor.userId, entityId: taskId, entity: { in: ["task", "task_label"] }, ...(query.cursor !== undefined ? { seq: { lt: query.cursor } } : {}) },
    orderBy: { seq: "desc" },
    take: query.limit + 1,
    select: CHANGE_SELECT,
  });
  if (rows.length === 0) {
    // No entry (on this page): another user's task (403), or none (404); the user's own task made before the log began has none.
    const task = await prisma.task.findUnique({ where: { id: taskId }, select: { userId: true } });
    if (task && task.userId !== actor.userId) throw new OfAnotherUserError("task");
    if (!task) throw new NotFoundError("task");
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { changes: page.map((row) => toChangeEntry(row, actor.via)), nextCursor: rows.length > query.limit && last ? String(last.seq) : null };
}
