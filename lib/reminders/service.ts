import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../actor";
import { getPrisma } from "../db";
import { ConflictError, limitReached, RuleError } from "../domain-errors";
import { missingRowError } from "../ownership";
import { startUserWrite } from "../user-lock";
import { NOTIFICATIONS_SHOWN, PUSH_SUBSCRIPTIONS_PER_USER_MAX, REMINDERS_PER_TASK_MAX } from "./constants";
import type { notificationSchema, PushSubscriptionInput, ReminderInput, reminderSchema } from "./schemas";

// A user's reminders (per task), push subscriptions (per browser) and in-app notifications. Every
// id in a path is the user's or refused (403/404, lib/ownership.ts) before anything is written.
// Sending is lib/reminders/sender.ts.

export type Reminder = z.output<typeof reminderSchema>;
export type Notification = z.output<typeof notificationSchema>;

export const REMINDER_SELECT = { id: true, taskId: true, at: true, minutesBefore: true, sentAt: true, createdAt: true } as const;
type ReminderRow = Prisma.ReminderGetPayload<{ select: typeof REMINDER_SELECT }>;

export const toReminder = (row: ReminderRow): Reminder => ({
  id: row.id,
  taskId: row.taskId,
  at: row.at?.toISOString() ?? null,
  minutesBefore: row.minutesBefore,
  sentAt: row.sentAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** The user's live task (not in the trash), or the 403/404 that says why not. */
async function ownTask(db: Prisma.TransactionClient, userId: string, taskId: string) {
  const task = await db.task.findFirst({ where: { id: taskId, userId, deletedAt: null }, select: { id: true, dueAt: true } });
  if (!task) throw await missingRowError(db, userId, "task", taskId);
  return task;
}

/** A task's reminders, soonest first (relative ones by how long before). */
export async function listReminders(userId: string, taskId: string): Promise<Reminder[]> {
  const prisma = getPrisma();
  await ownTask(prisma, userId, taskId);
  const rows = await prisma.reminder.findMany({ where: { taskId, userId }, select: REMINDER_SELECT, orderBy: [{ at: "asc" }, { minutesBefore: "desc" }, { id: "asc" }] });
  return rows.map(toReminder);
}

/**
 * A new reminder on the user's task: at a moment, or some minutes before the task's due moment
 * (a task due on a whole day, or not due, has no moment to count back from: 422).
 */
export async function createReminder(actor: Actor, taskId: string, input: ReminderInput): Promise<Reminder> {
  const { userId } = actor;
  const row = await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor); // the per-task limit holds under concurrent creates
    const task = await ownTask(tx, userId, taskId);
    if (input.minutesBefore !== undefined && task.dueAt === null) {
      throw new RuleError("reminder_needs_due_moment", "A reminder before the due time needs a task due at a time: set one, or remind at a moment instead.", "minutesBefore");
    }
    if ((await tx.reminder.count({ where: { taskId } })) >= REMINDERS_PER_TASK_MAX) {
      throw new ConflictError("reminder_limit_reached", `This task already has ${REMINDERS_PER_TASK_MAX} reminders, the most a task can have. Remove one to add another.`);
    }
    return tx.reminder.create({ data: { userId, taskId, at: input.at ?? null, minutesBefore: input.minutesBefore ?? null }, select: REMINDER_SELECT });
  });
  return toReminder(row);
}

export async function deleteReminder(userId: string, reminderId: string): Promise<void> {
  const prisma = getPrisma();
  const { count } = await prisma.reminder.deleteMany({ where: { id: reminderId, userId } });
  if (count === 0) throw await missingRowError(prisma, userId, "reminder", reminderId);
}

/**
 * Keeps this browser's push subscription for the user. An endpoint is one browser's: when another
 * account signs in there and subscribes, the subscription moves to that account.
 */
export async function savePushSubscription(actor: Actor, input: PushSubscriptionInput): Promise<void> {
  const { userId } = actor;
  await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const known = await tx.pushSubscription.findUnique({ where: { endpoint: input.endpoint }, select: { userId: true } });
    if (known?.userId !== userId && (await tx.pushSubscription.count({ where: { userId } })) >= PUSH_SUBSCRIPTIONS_PER_USER_MAX) {
      throw limitReached("push_subscription_limit_reached", PUSH_SUBSCRIPTIONS_PER_USER_MAX, "devices with notifications on");
    }
    const keys = { userId, p256dh: input.keys.p256dh, auth: input.keys.auth };
    await tx.pushSubscription.upsert({ where: { endpoint: input.endpoint }, create: { endpoint: input.endpoint, ...keys }, update: keys });
  });
}

/** Forgets this browser's subscription (notifications turned off here); another user's is left alone. */
export async function deletePushSubscription(userId: string, endpoint: string): Promise<void> {
  await getPrisma().pushSubscription.deleteMany({ where: { endpoint, userId } });
}

export async function listNotifications(userId: string): Promise<Notification[]> {
  const rows = await getPrisma().notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_SHOWN,
    select: { id: true, taskId: true, title: true, createdAt: true, readAt: true },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null }));
}

/** Marks a notification read (once: reading it again keeps the first time). */
export async function markNotificationRead(userId: string, notificationId: string): Promise<void> {
  const prisma = getPrisma();
  const { count } = await prisma.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await prisma.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true } }))) {
    throw await missingRowError(prisma, userId, "notification", notificationId);
  }
}
