import type { z } from "zod";
import type { Actor } from "../actor";
import { getPrisma } from "../db";
import { limitReached } from "../domain-errors";
import { getEnv } from "../env";
import { assertOwnLabels, missingRowError, ownedList } from "../ownership";
import { startUserWrite } from "../user-lock";
import { FEED_PATH, FEEDS_PER_USER_MAX } from "./constants";
import type { CalendarFeedInput, calendarFeedSchema } from "./schemas";
import { newFeedSecret } from "./secret";

// A user's calendar feeds, managed from a browser session: made (the URL with its secret is in
// that answer only), listed without secrets, rotated (a new secret, the old one dead at once) and
// revoked. app/feeds/[secret] serves them.

export type CalendarFeed = z.output<typeof calendarFeedSchema>;

const FEED_SELECT = { id: true, name: true, listId: true, labelId: true, createdAt: true, lastUsedAt: true } as const;

function toCalendarFeed(row: { id: string; name: string; listId: string | null; labelId: string | null; createdAt: Date; lastUsedAt: Date | null }): CalendarFeed {
  return { ...row, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

/** The address a calendar app subscribes to. */
const feedUrl = (secret: string) => `${getEnv().appUrl}${FEED_PATH}/${secret}`;

/** The user's feeds, newest first. */
export async function listCalendarFeedsForUser(userId: string): Promise<CalendarFeed[]> {
  const rows = await getPrisma().calendarFeed.findMany({ where: { userId }, select: FEED_SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toCalendarFeed);
}

/** A new feed and its URL: shown this once, its secret stored only as a hash. */
export async function createCalendarFeedForUser(actor: Actor, input: CalendarFeedInput): Promise<{ feed: CalendarFeed; url: string }> {
  const { userId } = actor;
  const { secret, secretHash } = newFeedSecret();
  const row = await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor); // the limit holds under concurrent creates
    if ((await tx.calendarFeed.count({ where: { userId } })) >= FEEDS_PER_USER_MAX) throw limitReached("calendar_feed_limit_reached", FEEDS_PER_USER_MAX, "calendar feeds");
    if (input.listId) await ownedList(tx, userId, input.listId, "listId");
    if (input.labelId) await assertOwnLabels(tx, userId, [input.labelId], "labelId");
    return tx.calendarFeed.create({ data: { userId, secretHash, name: input.name, listId: input.listId, labelId: input.labelId }, select: FEED_SELECT });
  });
  return { feed: toCalendarFeed(row), url: feedUrl(secret) };
}

/** A new secret for the feed: the old URL answers 404 from now on. */
export async function rotateCalendarFeedForUser(userId: string, feedId: string): Promise<{ feed: CalendarFeed; url: string }> {
  const prisma = getPrisma();
  const { secret, secretHash } = newFeedSecret();
  const { count } = await prisma.calendarFeed.updateMany({ where: { id: feedId, userId }, data: { secretHash } });
  if (count === 0) throw await missingRowError(prisma, userId, "calendar feed", feedId);
  const row = await prisma.calendarFeed.findUniqueOrThrow({ where: { id: feedId }, select: FEED_SELECT });
  return { feed: toCalendarFeed(row), url: feedUrl(secret) };
}

/** Deletes the feed: its URL answers 404 from now on. */
export async function revokeCalendarFeedForUser(userId: string, feedId: string): Promise<void> {
  const prisma = getPrisma();
  const { count } = await prisma.calendarFeed.deleteMany({ where: { id: feedId, userId } });
  if (count === 0) throw await missingRowError(prisma, userId, "calendar feed", feedId);
}
