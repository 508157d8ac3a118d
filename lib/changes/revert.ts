import type { z } from "zod";
import { refuseUndoOfOthers, type Actor } from "../actor";
import { getPrisma } from "../db";
import { ConflictError, NotFoundError, OfAnotherUserError, RuleError } from "../domain-errors";
import { REVERT_ACTORS_DAYS, REVERT_MAX } from "./constants";
import type { revertPreviewSchema, revertResultSchema } from "./schemas";
import { toChangeEntry } from "./service";
import { undoChangeForUser } from "./undo";

// "Revert everything this device (or token) did since ...": the user's changes made by one actor
// from a time on, undone newest first, each as its own undo (lib/changes/undo.ts), so that a
// field somebody else changed since stays as they left it and is reported, not overwritten.

export interface ActorActivity {
  actor: string;
  changes: number;
  lastAt: string;
}

/** The devices and tokens that changed the user's data in the last REVERT_ACTORS_DAYS days, most recent first. */
export async function recentActorsForUser(userId: string): Promise<ActorActivity[]> {
  const groups = await getPrisma().change.groupBy({
    by: ["actor"],
    where: { userId, actor: { not: null }, at: { gte: new Date(Date.now() - REVERT_ACTORS_DAYS * 86_400_000) } },
    _count: { _all: true },
    _max: { at: true },
  });
  return groups
    .map((group) => ({ actor: group.actor!, changes: group._count._all, lastAt: group._max.at!.toISOString() }))
    .sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1));
}

/** What a revert would undo, and what one did: lib/changes/schemas.ts. */
export type RevertPreview = z.output<typeof revertPreviewSchema>;
export type RevertResult = z.output<typeof revertResultSchema>;

async function changesOf(userId: string, via: string, since: Date) {
  return getPrisma().change.findMany({
    where: { userId, actor: via, at: { gte: since } },
    orderBy: { seq: "desc" },
    take: REVERT_MAX + 1,
  });
}

/** What a revert of `target`'s changes since `since` would undo. */
export async function previewRevertForUser(actor: Actor, target: string, since: Date): Promise<RevertPreview> {
  refuseUndoOfOthers(actor, target);
  const rows = await changesOf(actor.userId, target, since);
  const page = rows.slice(0, REVERT_MAX);
  const labelIds = page.flatMap((row) => {
    const link = (row.after ?? row.before) as { labelId?: unknown } | null;
    return row.entity === "task_label" && typeof link?.labelId === "string" ? [link.labelId] : [];
  });
  // The rows changed, and the labels that task-label changes name.
  const ids = [...new Set([...page.map((row) => row.entityId), ...labelIds])];
  const prisma = getPrisma();
  const [tasks, lists, labels] = await Promise.all([
    prisma.task.findMany({ where: { userId: actor.userId, id: { in: ids } }, select: { id: true, title: true } }),
    prisma.list.findMany({ where: { userId: actor.userId, id: { in: ids } }, select: { id: true, name: true } }),
    prisma.label.findMany({ where: { userId: actor.userId, id: { in: ids } }, select: { id: true, name: true } }),
  ]);
  const names: Record<string, string> = {};
  // A row deleted since is named from the log.
  for (const row of page) {
    const state = (row.before ?? row.after) as { title?: unknown; name?: unknown } | null;
    const name = state?.title ?? state?.name;
    if (typeof name === "string") names[row.entityId] ??= name;
  }
  for (const task of tasks) names[task.id] = task.title;
  for (const item of [...lists, ...labels]) names[item.id] = item.name;
  return { changes: page.map((row) => toChangeEntry(row, actor.via)), more: rows.length > REVERT_MAX, names };
}

export async function revertChangesForUser(actor: Actor, target: string, since: Date): Promise<RevertResult> {
  refuseUndoOfOthers(actor, target);
  const rows = (await changesOf(actor.userId, target, since)).slice(0, REVERT_MAX);
  const result: RevertResult = { undone: 0, skipped: [] };
  for (const row of rows) {
    try {
      await undoChangeForUser(actor, row.seq);
      result.undone++;
    } catch (error) {
      // Refused as an undo of its own would be: reported, and the revert goes on.
      if (error instanceof ConflictError || error instanceof RuleError || error instanceof NotFoundError || error instanceof OfAnotherUserError) {
        result.skipped.push({ seq: Number(row.seq), reason: error.message });
      } else throw error;
    }
  }
  return result;
}
