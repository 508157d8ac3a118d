import { createHash } from "node:crypto";
import ical from "ical-generator";
import { Temporal } from "temporal-polyfill";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import { dayText } from "../tasks/due";
import { FEED_EVENT_MINUTES, FEED_EVENTS_MAX, FEED_LAST_USED_INTERVAL_MS } from "./constants";
import { hashFeedSecret, isFeedSecret } from "./secret";
import { vtimezone } from "./vtimezone";

// What GET /feeds/<secret> serves: the feed owner's open, live tasks with a due, as iCalendar
// events. A whole day is an all-day event; a moment starts in its own zone and lasts
// FEED_EVENT_MINUTES. A task repeating on a fixed schedule carries its RRULE; one repeating from
// each completion has no schedule to give, so only its next occurrence (its due) is shown.

export interface ServedFeed {
  id: string;
  userId: string;
  name: string;
  listId: string | null;
  labelId: string | null;
  lastUsedAt: Date | null;
}

/** The feed a secret opens, or null (unknown, rotated or revoked). */
export async function findFeedBySecret(secret: string): Promise<ServedFeed | null> {
  if (!isFeedSecret(secret)) return null;
  return getPrisma().calendarFeed.findUnique({
    where: { secretHash: hashFeedSecret(secret) },
    select: { id: true, userId: true, name: true, listId: true, labelId: true, lastUsedAt: true },
  });
}

/** The tasks a feed shows: its owner's only, live, open, with a due, and of its list or label. */
function feedTasks(feed: ServedFeed): Prisma.TaskWhereInput {
  return {
    userId: feed.userId,
    deletedAt: null,
    completed: false,
    OR: [{ dueDate: { not: null } }, { dueAt: { not: null } }],
    ...(feed.listId ? { listId: feed.listId } : {}),
    ...(feed.labelId ? { labels: { some: { labelId: feed.labelId } } } : {}),
  };
}

/**
 * The feed's current version, from one aggregate: any change to a shown task moves its updatedAt,
 * and a task leaving the feed (completed, deleted, moved) moves the count or the latest updatedAt.
 */
export async function feedETag(feed: ServedFeed): Promise<string> {
  const { _count, _max } = await getPrisma().task.aggregate({ where: feedTasks(feed), _count: true, _max: { updatedAt: true } });
  const version = `${feed.id}:${_max.updatedAt?.toISOString() ?? ""}:${_count}`;
  return `"${createHash("sha256").update(version).digest("base64url").slice(0, 27)}"`;
}

/**
 * A stored rule as the event's RRULE. lib/recurrence keeps UNTIL as a date (the time comes from
 * the due); RFC 5545 wants it as a UTC date-time when DTSTART has a zone, so a moment's rule ends
 * at the end of that day on its own clock.
 */
function exportedRule(rule: string, timeZone: string | null): string {
  if (!timeZone) return rule;
  return rule.replace(/UNTIL=(\d{4})(\d{2})(\d{2})(?![\dT])/, (_, year: string, month: string, day: string) => {
    const end = Temporal.PlainDate.from(`${year}-${month}-${day}`).toZonedDateTime({ timeZone, plainTime: "23:59:59" }).toInstant();
    return `UNTIL=${end.toString().replace(/[-:]/g, "").replace(/\.\d+/, "")}`;
  });
}

/** The feed as an iCalendar document; `host` names the UIDs (task id @ host), as RFC 5545 suggests. */
export async function feedCalendar(feed: ServedFeed, host: string): Promise<string> {
  const tasks = await getPrisma().task.findMany({
    where: feedTasks(feed),
    select: { id: true, title: true, description: true, dueDate: true, dueAt: true, dueTimeZone: true, recurrence: true, recurrenceMode: true },
    orderBy: [{ dueSort: "asc" }, { id: "asc" }],
    take: FEED_EVENTS_MAX,
  });
  const earliest = tasks.reduce((first, task) => (task.dueAt && task.dueAt < first ? task.dueAt : first), new Date());
  const zoneWindow = {
    from: Temporal.Instant.fromEpochMilliseconds(earliest.getTime()).subtract({ hours: 24 * 366 }),
    until: Temporal.Now.instant().add({ hours: 24 * 366 * 10 }),
  };
  const calendar = ical({
    // ical-generator writes the name as it is: a line break in it would start a line of its own.
    name: feed.name.replace(/\p{Cc}+/gu, " "),
    prodId: { company: "Tasks", product: "Calendar feed" },
    // No zone of the calendar's own: the generator writes a VTIMEZONE for each zone events name.
    timezone: { name: null, generator: (timeZone) => vtimezone(timeZone, zoneWindow.from, zoneWindow.until) },
  });
  for (const task of tasks) {
    const repeating = task.recurrence && task.recurrenceMode === "schedule" ? exportedRule(task.recurrence, task.dueAt && task.dueTimeZone) : null;
    const common = { id: `${task.id}@${host}`, summary: task.title, description: task.description || null, repeating };
    if (task.dueAt && task.dueTimeZone) {
      const start = Temporal.Instant.fromEpochMilliseconds(task.dueAt.getTime()).toZonedDateTimeISO(task.dueTimeZone);
      calendar.createEvent({ ...common, start, end: start.add({ minutes: FEED_EVENT_MINUTES }), timezone: task.dueTimeZone });
    } else {
      const day = Temporal.PlainDate.from(dayText(task.dueDate)!);
      calendar.createEvent({ ...common, allDay: true, start: day, end: day.add({ days: 1 }) });
    }
  }
  return calendar.toString();
}

/** Records that a calendar app read the feed, at most once per FEED_LAST_USED_INTERVAL_MS. */
export async function noteFeedUsed(feed: ServedFeed, now = new Date()): Promise<void> {
  if (feed.lastUsedAt && now.getTime() - feed.lastUsedAt.getTime() < FEED_LAST_USED_INTERVAL_MS) return;
  const staleBefore = new Date(now.getTime() - FEED_LAST_USED_INTERVAL_MS);
  // Conditional, so that concurrent reads write it once
  await getPrisma().calendarFeed.updateMany({ where: { id: feed.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] }, data: { lastUsedAt: now } });
}
