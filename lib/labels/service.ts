import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import { ConflictError, limitReached } from "../domain-errors";
import { missingRowError } from "../ownership";
import type { Actor } from "../actor";
import { startUserWrite } from "../user-lock";
import { LABELS_PER_USER_MAX } from "./constants";
import type { z } from "zod";
import type { LabelInput, LabelUpdate, labelSchema } from "./schemas";

// A user's labels, scoped like tasks (lib/tasks/service.ts). Names are unique per user,
// ignoring case: "Work" and "work" would be one label to a person. Deleting a label takes it
// off its tasks (by cascade on task_label), never deletes a task.

/** A label as the API answers it: lib/labels/schemas.ts labelSchema. */
export type Label = z.output<typeof labelSchema>;

const LABEL_SELECT = {
  id: true,
  name: true,
  color: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { tasks: { where: { task: { completed: false } } } } },
} as const satisfies Prisma.LabelSelect;

function toLabel(row: Prisma.LabelGetPayload<{ select: typeof LABEL_SELECT }>): Label {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    openTasks: row._count.tasks,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Db = Prisma.TransactionClient;

async function readLabel(db: Db, userId: string, labelId: string): Promise<Label> {
  const row = await db.label.findFirst({ where: { id: labelId, userId }, select: LABEL_SELECT });
  if (!row) throw await missingRowError(db, userId, "label", labelId);
  return toLabel(row);
}

// Names sort as task titles do (their "und-x-icu" column): by letter, then accent, then case. The
// name column has the database's default collation, byte order on "C" servers and in PGlite,
// which would put "Zucchini" before "apple"; a user's labels are few, so they sort here.
const byName = new Intl.Collator("und").compare;

/** The user's labels by name. */
export async function listLabelsForUser(userId: string): Promise<Label[]> {
  const rows = await getPrisma().label.findMany({ where: { userId }, select: LABEL_SELECT });
  return rows.sort((a, b) => byName(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toLabel);
}

export async function getLabelForUser(userId: string, labelId: string): Promise<Label> {
  return readLabel(getPrisma(), userId, labelId);
}

export async function refuseTakenName(db: Db, userId: string, name: string, self: string | null): Promise<void> {
  // Prisma's case-insensitive `equals` is an ILIKE pattern: escape its wildcards, or "%" would
  // match every name and "a_c" would take "abc".
  const pattern = name.replace(/[\\%_]/g, "\\$&");
  const taken = await db.label.findFirst({
    where: { userId, name: { equals: pattern, mode: "insensitive" }, ...(self ? { id: { not: self } } : {}) },
    select: { name: true },
  });
  if (taken) throw new ConflictError("label_name_taken", `You already have a label named "${taken.name}".`, "name");
}

export async function createLabelForUser(actor: Actor, input: LabelInput): Promise<Label> {
  const { userId } = actor;
  return getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    if ((await tx.label.count({ where: { userId } })) >= LABELS_PER_USER_MAX) throw limitReached("label_limit_reached", LABELS_PER_USER_MAX, "labels");
    await refuseTakenName(tx, userId, input.name, null);
    const { id } = await tx.label.create({ data: { ...input, userId }, select: { id: true } });
    return readLabel(tx, userId, id);
  });
}

export async function updateLabelForUser(actor: Actor, labelId: string, changes: LabelUpdate): Promise<Label> {
  const { userId } = actor;
  return getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    if (!(await tx.label.findFirst({ where: { id: labelId, userId }, select: { id: true } }))) throw await missingRowError(tx, userId, "label", labelId);
    if (changes.name !== undefined) await refuseTakenName(tx, userId, changes.name, labelId);
    await tx.label.update({ where: { id: labelId }, data: changes });
    return readLabel(tx, userId, labelId);
  });
}

export async function deleteLabelForUser(actor: Actor, labelId: string): Promise<void> {
  const { userId } = actor;
  // Under the user's write lock, as a task write that checks its labelIds before linking them:
  // otherwise it could link this label after the delete, a foreign key violation answered 500.
  await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const { count } = await tx.label.deleteMany({ where: { id: labelId, userId } });
    if (count === 0) throw await missingRowError(tx, userId, "label", labelId);
  });
}
