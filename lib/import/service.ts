import crypto from "node:crypto";
import type { z } from "zod";
import type { Actor } from "../actor";
import { getPrisma } from "../db";
import { limitReached } from "../domain-errors";
import { LABELS_PER_USER_MAX } from "../labels/constants";
import { LISTS_PER_USER_MAX } from "../lists/constants";
import { keysAfter } from "../order";
import { TASKS_PER_USER_MAX } from "../tasks/constants";
import { dueColumns, legacyDue } from "../tasks/due";
import { startUserWrite } from "../user-lock";
import type { ImportDocument, ImportedTask, importReportSchema } from "./schemas";

// Importing a document of GET /api/export into the signed-in account, all or nothing, in one
// transaction under the user's write lock (so the limits hold against concurrent writes, and the
// change log names this device: every row can be undone like any other change). Every row gets a
// new id. The document's Inbox is the account's Inbox; its other lists are added after the
// account's; a label whose name the account already uses is that label. Tasks keep their
// fields and times, and their order among siblings, placed after what the account has, and
// their reminders.

export type ImportReport = z.output<typeof importReportSchema>;

/** Keeps the document's order among siblings: by its keys (byte order, as the columns compare), then ids. */
const byPosition = <T extends { position: string; id: string }>(a: T, b: T) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Parents before their subtasks, so that each insert finds its parent. */
function parentsFirst(tasks: ImportedTask[]): ImportedTask[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const depth = (task: ImportedTask): number => (task.parentId === null ? 0 : 1 + depth(byId.get(task.parentId)!));
  return tasks.map((task) => ({ task, depth: depth(task) })).sort((a, b) => a.depth - b.depth).map(({ task }) => task);
}

/** Rows per INSERT, and tasks between two progress reports. */
export const IMPORT_CHUNK = 1_000;

/** How far an import has written its tasks. */
export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * `onProgress` hears once every limit has been checked, before anything is written (done 0),
 * then after each chunk of tasks. Only an import of more than one chunk reports progress.
 */
export async function importForUser(actor: Actor, document: ImportDocument, timeZone: string, onProgress?: (progress: ImportProgress) => void): Promise<ImportReport> {
  const { userId } = actor;
  return getPrisma().$transaction(
    async (tx) => {
      await startUserWrite(tx, actor);
      const [inbox, existingLists, existingLabels, taskCount] = await Promise.all([
        tx.list.findFirstOrThrow({ where: { userId, inbox: true }, select: { id: true } }),
        tx.list.findMany({ where: { userId }, select: { position: true }, orderBy: { position: "desc" }, take: 1 }),
        tx.label.findMany({ where: { userId }, select: { id: true, name: true } }),
        tx.task.count({ where: { userId, deletedAt: null } }),
      ]);
      const listCount = await tx.list.count({ where: { userId } });

      // Every limit first: a refused import writes nothing, and reports no progress.
      const newLists = document.lists.filter((list) => !list.inbox).sort(byPosition);
      if (listCount + newLists.length > LISTS_PER_USER_MAX) throw limitReached("list_limit_reached", LISTS_PER_USER_MAX, "lists");
      const labelsByName = new Map(existingLabels.map((label) => [label.name.toLowerCase(), label.id]));
      const newLabelCount = new Set(document.labels.map((label) => label.name.toLowerCase()).filter((name) => !labelsByName.has(name))).size;
      if (existingLabels.length + newLabelCount > LABELS_PER_USER_MAX) throw limitReached("label_limit_reached", LABELS_PER_USER_MAX, "labels");
      if (taskCount + document.tasks.length > TASKS_PER_USER_MAX) throw limitReached("task_limit_reached", TASKS_PER_USER_MAX, "tasks");
      const total = document.tasks.length;
      const report = total > IMPORT_CHUNK ? onProgress : undefined;
      report?.({ done: 0, total });

      // Lists: the Inbox is the account's; the others go after the account's lists.
      const listIds = new Map<string, string>(document.lists.filter((list) => list.inbox).map((list) => [list.id, inbox.id]));
      const listKeys = keysAfter(existingLists[0]?.position ?? null, newLists.length);
      const listRows = newLists.map((list, index) => {
        const id = crypto.randomUUID();
        listIds.set(list.id, id);
        return { id, userId, name: list.name, color: list.color, archived: list.archived, position: listKeys[index], createdAt: list.createdAt };
      });
      await tx.list.createMany({ data: listRows });

      // Labels: one the account has by the same name (any case) is that label.
      const labelIds = new Map<string, string>();
      const labelRows = [];
      for (const label of document.labels) {
        const matched = labelsByName.get(label.name.toLowerCase());
        const id = matched ?? crypto.randomUUID();
        labelIds.set(label.id, id);
        if (!matched) labelRows.push({ id, userId, name: label.name, color: label.color, createdAt: label.createdAt });
      }
      await tx.label.createMany({ data: labelRows });

      // Tasks: new ids; each group of siblings keeps its order, after the account's own.
      const taskIds = new Map(document.tasks.map((task) => [task.id, crypto.randomUUID()]));
      const siblings = Map.groupBy(document.tasks, (task) => `${task.listId} ${task.parentId ?? ""}`);
      const positions = new Map<string, string>();
      for (const group of siblings.values()) {
        const { listId, parentId } = group[0];
        // Only the Inbox's top level can hold the account's tasks already: the rest is new.
        const last =
          listIds.get(listId) === inbox.id && parentId === null
            ? ((await tx.task.findFirst({ where: { userId, listId: inbox.id, parentId: null }, orderBy: { position: "desc" }, select: { position: true } }))?.position ?? null)
            : null;
        const keys = keysAfter(last, group.length);
        group.sort(byPosition).forEach((task, index) => positions.set(task.id, keys[index]));
      }
      const taskRows = parentsFirst(document.tasks).map((task) => ({
        id: taskIds.get(task.id)!,
        userId,
        title: task.title,
        description: task.description,
        completed: task.completed,
        priority: task.priority,
        recurrence: task.recurrence?.rule ?? null,
        recurrenceMode: task.recurrence?.mode ?? null,
        ...dueColumns(task.dueDate instanceof Date ? legacyDue(task.dueDate, timeZone) : { dueDate: task.dueDate, dueAt: task.dueAt ?? null, dueTimeZone: task.dueTimeZone ?? undefined }),
        listId: listIds.get(task.listId)!,
        parentId: task.parentId === null ? null : taskIds.get(task.parentId)!,
        position: positions.get(task.id)!,
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
      }));
      for (let start = 0; start < taskRows.length; start += IMPORT_CHUNK) {
        await tx.task.createMany({ data: taskRows.slice(start, start + IMPORT_CHUNK) });
        report?.({ done: Math.min(start + IMPORT_CHUNK, total), total });
      }
      const links = document.tasks.flatMap((task) => task.labelIds.map((labelId) => ({ taskId: taskIds.get(task.id)!, labelId: labelIds.get(labelId)! })));
      for (let start = 0; start < links.length; start += IMPORT_CHUNK) await tx.taskLabel.createMany({ data: links.slice(start, start + IMPORT_CHUNK) });
      // Reminders keep when they were sent: one sent before the export is not sent again.
      const reminderRows = document.reminders.map((reminder) => ({
        userId,
        taskId: taskIds.get(reminder.taskId)!,
        at: reminder.at,
        minutesBefore: reminder.minutesBefore,
        sentAt: reminder.sentAt ?? null,
        createdAt: reminder.createdAt,
      }));
      for (let start = 0; start < reminderRows.length; start += IMPORT_CHUNK) await tx.reminder.createMany({ data: reminderRows.slice(start, start + IMPORT_CHUNK) });

      return { lists: listRows.length, labels: { created: labelRows.length, matched: document.labels.length - labelRows.length }, tasks: taskRows.length, reminders: reminderRows.length };
    },
    // A full account's import writes tens of thousands of rows (and their log).
    { timeout: 120_000, maxWait: 10_000 },
  );
}
