import webpush from "web-push";
import { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import { getEnv, type PushSettings } from "../env";
import { getLogger } from "../log";

// Sends the reminders that are due: GET /api/cron/reminders runs it (Vercel Cron in production,
// a timer in development: lib/reminders/dev-timer.ts). A network send cannot be exactly once, so
// this is at least once with effects that repeat harmlessly: a run claims due reminders in one
// statement (FOR UPDATE SKIP LOCKED: an overlapping run takes others), writes the in-app
// notification (unique per reminder and due moment), pushes with the reminder as the push topic (a push service
// replaces an undelivered message of the same topic), and only then marks the reminder sent. A
// run that dies after its claim leaves the claim to expire, and a later run sends it again.

const BATCH = 100;
/** A claim older than this is taken to be of a run that died. */
const CLAIM_EXPIRES_MS = 2 * 60_000;
/** Runs that try a reminder whose push keeps failing, before it is marked sent anyway. */
const MAX_ATTEMPTS = 3;
/** Pushes in flight at once. */
const CONCURRENCY = 10;
/** A reminder an hour late is no longer worth a push (the in-app notification stays). */
const PUSH_TTL_SECONDS = 3600;
const PUSH_TIMEOUT_MS = 10_000;

export interface SendSummary {
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
}

interface ClaimedReminder {
  id: string;
  userId: string;
  taskId: string;
  title: string;
  /** the moment it was due at: `at`, or the task's dueAt minus minutesBefore */
  remindedFor: Date;
  attempts: number;
  /** the task is completed or in the trash: nothing to remind of */
  settled: boolean;
}

/**
 * Takes up to BATCH due reminders that no live run holds. A reminder is due at `at`, or at its
 * task's dueAt minus minutesBefore, computed here so that moving the due moves the reminder.
 */
async function claimDueReminders(now: Date): Promise<ClaimedReminder[]> {
  const dueTime = Prisma.sql`COALESCE(r."at", t."dueAt" - make_interval(mins => r."minutesBefore"))`;
  return getPrisma().$queryRaw<ClaimedReminder[]>`
    UPDATE "reminder" AS claimed SET "claimedAt" = ${now}, "attempts" = claimed."attempts" + 1
    FROM "task" AS task
    WHERE task."id" = claimed."taskId" AND claimed."id" IN (
      SELECT r."id" FROM "reminder" AS r JOIN "task" AS t ON t."id" = r."taskId"
      WHERE r."sentAt" IS NULL AND ${dueTime} <= ${now}
        AND (r."claimedAt" IS NULL OR r."claimedAt" < ${new Date(now.getTime() - CLAIM_EXPIRES_MS)})
      ORDER BY ${dueTime}, r."id"
      LIMIT ${BATCH}
      FOR UPDATE OF r SKIP LOCKED
    )
    RETURNING claimed."id", claimed."userId", claimed."taskId", task."title", claimed."attempts",
      COALESCE(claimed."at", task."dueAt" - make_interval(mins => claimed."minutesBefore")) AS "remindedFor",
      (task."completed" OR task."deletedAt" IS NOT NULL) AS "settled"`;
}

type PushOutcome = "delivered" | "gone" | "failed";

/** One push: web-push encrypts it and signs the VAPID header; fetch posts it. */
async function push(settings: PushSettings, subscription: { endpoint: string; p256dh: string; auth: string }, payload: string, topic: string): Promise<PushOutcome> {
  const request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
    vapidDetails: settings,
    TTL: PUSH_TTL_SECONDS,
    topic,
    contentEncoding: "aes128gcm",
  });
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : undefined,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      redirect: "error",
    });
    await response.body?.cancel();
    if (response.ok) return "delivered";
    // RFC 8030 §7.3: the subscription has expired or was removed.
    if (response.status === 404 || response.status === 410) return "gone";
    getLogger().warn({ status: response.status, host: new URL(subscription.endpoint).host }, "a push service refused a reminder");
    return "failed";
  } catch (error) {
    getLogger().warn({ err: error, host: new URL(subscription.endpoint).host }, "a reminder's push was not delivered");
    return "failed";
  }
}

/** A reminder's id as a push topic: at most 32 URL-safe characters (RFC 8030 §5.4). */
const topicOf = (reminderId: string) => reminderId.replaceAll("-", "").slice(0, 32);

async function deliver(reminder: ClaimedReminder, settings: PushSettings | null): Promise<"sent" | "failed"> {
  const prisma = getPrisma();
  await prisma.notification.createMany({ data: [{ userId: reminder.userId, reminderId: reminder.id, remindedFor: reminder.remindedFor, taskId: reminder.taskId, title: reminder.title }], skipDuplicates: true });
  let failed = false;
  if (settings) {
    const subscriptions = await prisma.pushSubscription.findMany({ where: { userId: reminder.userId }, select: { id: true, endpoint: true, p256dh: true, auth: true } });
    const payload = JSON.stringify({ title: reminder.title, taskId: reminder.taskId, url: "/tasks" });
    const outcomes = await Promise.all(subscriptions.map((subscription) => push(settings, subscription, payload, topicOf(reminder.id))));
    const gone = subscriptions.filter((_, index) => outcomes[index] === "gone").map((subscription) => subscription.id);
    if (gone.length > 0) await prisma.pushSubscription.deleteMany({ where: { id: { in: gone } } });
    failed = outcomes.includes("failed");
  }
  // A failed push is tried again by a later run (once this claim expires), a few times at most.
  if (failed && reminder.attempts < MAX_ATTEMPTS) return "failed";
  await prisma.reminder.update({ where: { id: reminder.id }, data: { sentAt: new Date() } });
  return failed ? "failed" : "sent";
}

/** Sends what is due now; answers what it did. */
export async function sendDueReminders(now = new Date()): Promise<SendSummary> {
  const claimed = await claimDueReminders(now);
  const summary: SendSummary = { claimed: claimed.length, sent: 0, skipped: 0, failed: 0 };
  const settled = claimed.filter((reminder) => reminder.settled).map((reminder) => reminder.id);
  if (settled.length > 0) await getPrisma().reminder.updateMany({ where: { id: { in: settled } }, data: { sentAt: now } });
  summary.skipped = settled.length;
  const settings = getEnv().push;
  const toSend = claimed.filter((reminder) => !reminder.settled);
  for (let start = 0; start < toSend.length; start += CONCURRENCY) {
    const outcomes = await Promise.all(toSend.slice(start, start + CONCURRENCY).map((reminder) => deliver(reminder, settings)));
    for (const outcome of outcomes) summary[outcome] += 1;
  }
  return summary;
}
