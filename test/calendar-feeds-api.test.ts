import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import * as feedRoute from "@/app/feeds/[secret]/route";
import { FEED_EVENTS_MAX, FEED_LAST_USED_INTERVAL_MS, FEEDS_PER_USER_MAX } from "@/lib/calendar-feeds/constants";
import { callApi } from "./support/api";
import { inInbox, setUpTestDatabase } from "./support/database";
import { APP_URL, callRoute, PASSWORD, signUpUser, type TestUser } from "./support/http";
import { as, createList, expectError, expectJson, type TaskJson } from "./support/organize";

// Calendar feeds: managed from a browser session through /api/calendar-feeds, served at
// /feeds/<secret> to calendar apps, and read back here with an iCalendar parser (ical.js).

const db = setUpTestDatabase();

let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpUser("Alice"), signUpUser("Bob")]);
});

interface FeedJson {
  id: string;
  name: string;
  listId: string | null;
  labelId: string | null;
  lastUsedAt: string | null;
}

const createFeed = async (user: TestUser, body: object) => expectJson<{ feed: FeedJson; url: string }>(await callApi("POST", "/api/calendar-feeds", { token: user.token, body }), 201);
const createTask = async (user: TestUser, body: object) => expectJson<TaskJson>(await as(user).post("/api/tasks", body), 201);

/** GET /feeds/<secret> through its route handler, as a calendar app asks for it. */
function fetchFeed(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const secret = new URL(url).pathname.split("/").at(-1)!;
  return callRoute(feedRoute.GET, new Request(`${APP_URL}/feeds/${secret}`, { headers }), { secret });
}

/** The feed's events by summary, parsed with its VTIMEZONEs registered (as a calendar app reads them). */
async function eventsOf(url: string): Promise<{ calendar: ICAL.Component; events: Map<string, ICAL.Event> }> {
  const response = await fetchFeed(url);
  expect(response.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
  return { calendar, events: new Map(events.map((event) => [event.summary, event])) };
}

const rruleOf = (event: ICAL.Event) => event.component.getFirstPropertyValue("rrule")?.toString() ?? null;

async function accessTokenJwt(user: TestUser): Promise<string> {
  const created = await expectJson<{ secret: string }>(await callApi("POST", "/api/tokens", { token: user.token, body: { name: "Everything", password: PASSWORD, scopes: ["tasks:read", "tasks:write", "lists:read", "lists:write"] } }), 201);
  const exchanged = await callApi("POST", "/api/tokens/exchange", { headers: { authorization: `Bearer ${created.secret}` } });
  return (await exchanged.json()).accessToken;
}

describe("a feed of everything", () => {
  it("shows each open task with a due as an event, and nothing else", async () => {
    const user = await signUpUser("Everything");
    await createTask(user, { title: "Christmas", description: "Presents; tree, lights", dueDate: "2026-12-24" });
    await createTask(user, { title: "Dentist", dueAt: "2026-12-10T09:00:00+01:00", dueTimeZone: "Europe/Berlin" });
    await createTask(user, { title: "Summer call", dueAt: "2026-07-01T09:00:00-04:00", dueTimeZone: "America/New_York" });
    await createTask(user, { title: "Stand-up", dueDate: "2026-12-07", recurrence: { rule: "FREQ=WEEKLY;BYDAY=MO", mode: "schedule" } });
    await createTask(user, { title: "Water plants", dueAt: "2026-12-08T18:30:00+01:00", dueTimeZone: "Europe/Berlin", recurrence: { rule: "FREQ=WEEKLY", mode: "completion" } });
    await createTask(user, { title: "Someday" });
    const done = await createTask(user, { title: "Done already", dueDate: "2026-12-01" });
    expect((await as(user).patch(`/api/tasks/${done.id}`, { completed: true })).status).toBe(200);
    const trashed = await createTask(user, { title: "In the trash", dueDate: "2026-12-02" });
    expect((await as(user).delete(`/api/tasks/${trashed.id}`)).status).toBe(204);

    const { feed, url } = await createFeed(user, { name: "All my tasks" });
    expect(url).toMatch(new RegExp(`^${APP_URL}/feeds/[A-Za-z0-9_-]{43}$`));
    const row = await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(JSON.stringify(row)).not.toContain(url.split("/").at(-1));

    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const { calendar, events } = await eventsOf(url);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("All my tasks");
    expect([...events.keys()].sort()).toEqual(["Christmas", "Dentist", "Stand-up", "Summer call", "Water plants"]);
    for (const event of events.values()) expect(event.uid).toMatch(/^[0-9a-f-]{36}@localhost:3000$/);

    const christmas = events.get("Christmas")!;
    expect(christmas.startDate.isDate).toBe(true);
    expect(christmas.startDate.toString()).toBe("2026-12-24");
    expect(christmas.endDate.toString()).toBe("2026-12-25");
    expect(christmas.description).toBe("Presents; tree, lights");
    expect(rruleOf(christmas)).toBeNull();

    const dentist = events.get("Dentist")!;
    expect(dentist.startDate.isDate).toBe(false);
    expect(dentist.startDate.zone.tzid).toBe("Europe/Berlin");
    expect(dentist.startDate.toString()).toBe("2026-12-10T09:00:00");
    expect(dentist.startDate.toJSDate().toISOString()).toBe("2026-12-10T08:00:00.000Z");
    expect(dentist.endDate.toJSDate().getTime() - dentist.startDate.toJSDate().getTime()).toBe(30 * 60_000);
    // In summer time, by the feed's own VTIMEZONE
    expect(events.get("Summer call")!.startDate.toJSDate().toISOString()).toBe("2026-07-01T13:00:00.000Z");

    const standUp = events.get("Stand-up")!;
    expect(rruleOf(standUp)).toBe("FREQ=WEEKLY;BYDAY=MO");
    const next = standUp.iterator();
    expect([next.next().toString(), next.next().toString()]).toEqual(["2026-12-07", "2026-12-14"]);
    // Repeating from each completion: no schedule to give, only the next occurrence
    const plants = events.get("Water plants")!;
    expect(rruleOf(plants)).toBeNull();
    expect(plants.startDate.toJSDate().toISOString()).toBe("2026-12-08T17:30:00.000Z");
  });

  it("ends a repeating moment's rule on its UNTIL day, in UTC as RFC 5545 wants beside a TZID", async () => {
    const user = await signUpUser("Until");
    await createTask(user, { title: "Pills", dueAt: "2026-12-10T21:00:00+01:00", dueTimeZone: "Europe/Berlin", recurrence: { rule: "FREQ=DAILY;UNTIL=20261212", mode: "schedule" } });
    await createTask(user, { title: "Advent", dueDate: "2026-12-22", recurrence: { rule: "FREQ=DAILY;UNTIL=20261224", mode: "schedule" } });
    const { events } = await eventsOf((await createFeed(user, { name: "Until" })).url);
    expect(rruleOf(events.get("Pills")!)).toBe("FREQ=DAILY;UNTIL=20261212T225959Z");
    expect(rruleOf(events.get("Advent")!)).toBe("FREQ=DAILY;UNTIL=20261224");
    const occurrences = (event: ICAL.Event) => {
      const all: string[] = [];
      for (let next = event.iterator(), time = next.next(); time && all.length < 10; time = next.next()) all.push(time.toString());
      return all;
    };
    expect(occurrences(events.get("Pills")!)).toEqual(["2026-12-10T21:00:00", "2026-12-11T21:00:00", "2026-12-12T21:00:00"]);
    expect(occurrences(events.get("Advent")!)).toEqual(["2026-12-22", "2026-12-23", "2026-12-24"]);
  });

  it("keeps a line break in its name from starting a line of the calendar", async () => {
    const { url } = await createFeed(alice, { name: "Mine\nBEGIN:VEVENT" });
    const text = await (await fetchFeed(url)).text();
    expect(text).toContain("X-WR-CALNAME:Mine BEGIN:VEVENT\r\n");
  });

  it("never shows another user's tasks", async () => {
    await createTask(alice, { title: "Alice's secret", dueDate: "2026-12-20" });
    await createTask(bob, { title: "Bob's secret", dueDate: "2026-12-21" });
    const [aliceFeed, bobFeed] = [await createFeed(alice, { name: "Alice" }), await createFeed(bob, { name: "Bob" })];
    expect([...(await eventsOf(aliceFeed.url)).events.keys()]).toContain("Alice's secret");
    expect([...(await eventsOf(aliceFeed.url)).events.keys()]).not.toContain("Bob's secret");
    expect([...(await eventsOf(bobFeed.url)).events.keys()]).toEqual(["Bob's secret"]);
  });

  it(`carries at most ${FEED_EVENTS_MAX} events, the earliest due`, async () => {
    const user = await signUpUser("Bounded");
    // Past the account's limit, as only a direct write can be: the feed stays bounded anyway.
    const tasks = Array.from({ length: FEED_EVENTS_MAX + 1 }, (_, index) => ({ title: `Task ${index}`, dueDate: new Date(Date.UTC(2027, 0, 1) - index * 86_400_000), dueSort: new Date(Date.UTC(2027, 0, 1) - index * 86_400_000) }));
    await db.prisma.task.createMany({ data: await inInbox(db.prisma, user.id, tasks) });
    const { url } = await createFeed(user, { name: "Bounded" });
    const text = await (await fetchFeed(url)).text();
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(FEED_EVENTS_MAX);
    expect(text).toContain(`SUMMARY:Task ${FEED_EVENTS_MAX}\r`);
    expect(text).not.toContain("SUMMARY:Task 0\r"); // the latest
  });
});

describe("a feed of one list or one label", () => {
  it("shows only that list's or that label's tasks", async () => {
    const user = await signUpUser("Scoped");
    const work = await createList(user, { name: "Work" });
    const label = await expectJson<{ id: string }>(await as(user).post("/api/labels", { name: "urgent" }), 201);
    await createTask(user, { title: "Report", listId: work.id, dueDate: "2026-12-11" });
    await createTask(user, { title: "Groceries", dueDate: "2026-12-11", labelIds: [label.id] });
    await createTask(user, { title: "Laundry", dueDate: "2026-12-12" });
    const listFeed = await createFeed(user, { name: "Work", listId: work.id });
    expect(listFeed.feed).toMatchObject({ listId: work.id, labelId: null });
    expect([...(await eventsOf(listFeed.url)).events.keys()]).toEqual(["Report"]);
    const labelFeed = await createFeed(user, { name: "Urgent", labelId: label.id });
    expect([...(await eventsOf(labelFeed.url)).events.keys()]).toEqual(["Groceries"]);
  });
});

describe("caching", () => {
  it("answers 304 while nothing changed, and a new version after a change", async () => {
    const user = await signUpUser("Cache");
    const task = await createTask(user, { title: "Pay rent", dueDate: "2026-12-01" });
    const { url } = await createFeed(user, { name: "Rent" });
    const first = await fetchFeed(url);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await fetchFeed(url, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    expect((await as(user).patch(`/api/tasks/${task.id}`, { title: "Pay the rent" })).status).toBe(200);
    const changed = await fetchFeed(url, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("SUMMARY:Pay the rent");
  });

  it("writes lastUsedAt at most once an hour", async () => {
    const user = await signUpUser("Last used");
    const { feed, url } = await createFeed(user, { name: "Polled" });
    expect(feed.lastUsedAt).toBeNull();
    await fetchFeed(url);
    const first = (await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } })).lastUsedAt!;
    expect(first.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await fetchFeed(url);
    expect((await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } })).lastUsedAt).toEqual(first);
    const hourAgo = new Date(Date.now() - FEED_LAST_USED_INTERVAL_MS - 1000);
    await db.prisma.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: hourAgo } });
    await fetchFeed(url);
    expect((await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } })).lastUsedAt!.getTime()).toBeGreaterThan(hourAgo.getTime());
  });
});

describe("revoking and rotating", () => {
  it("revoke: the URL answers a bare 404", async () => {
    const { feed, url } = await createFeed(alice, { name: "To revoke" });
    expect((await fetchFeed(url)).status).toBe(200);
    expect((await callApi("DELETE", `/api/calendar-feeds/${feed.id}`, { token: alice.token })).status).toBe(204);
    const gone = await fetchFeed(url);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe("");
    expect((await expectJson<{ feeds: FeedJson[] }>(await callApi("GET", "/api/calendar-feeds", { token: alice.token }))).feeds.map((listed) => listed.id)).not.toContain(feed.id);
  });

  it("rotate: the old URL answers 404, the new one the feed", async () => {
    const { feed, url } = await createFeed(alice, { name: "To rotate" });
    const rotated = await expectJson<{ feed: FeedJson; url: string }>(await callApi("POST", `/api/calendar-feeds/${feed.id}/rotate`, { token: alice.token }));
    expect(rotated.feed.id).toBe(feed.id);
    expect(rotated.url).not.toBe(url);
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await fetchFeed(rotated.url)).status).toBe(200);
  });

  it("a secret that is malformed or unknown answers the same bare 404", async () => {
    for (const url of [`${APP_URL}/feeds/short`, `${APP_URL}/feeds/${"A".repeat(43)}`]) {
      const response = await fetchFeed(url);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
  });
});

describe("managing feeds", () => {
  it("is refused to a personal access token, which could otherwise mint lasting read access", async () => {
    const { feed } = await createFeed(alice, { name: "Kept" });
    const jwt = await accessTokenJwt(alice);
    const before = await db.prisma.calendarFeed.count({ where: { userId: alice.id } });
    const { secretHash } = await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    for (const [method, path] of [
      ["GET", "/api/calendar-feeds"],
      ["POST", "/api/calendar-feeds"],
      ["DELETE", `/api/calendar-feeds/${feed.id}`],
      ["POST", `/api/calendar-feeds/${feed.id}/rotate`],
    ]) {
      const response = await callApi(method, path, { token: jwt, body: method === "POST" ? { name: "Minted by a token" } : undefined });
      expect(response.status).toBe(403);
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope"');
      expect((await response.json()).error.code).toBe("insufficient_scope");
    }
    expect(await db.prisma.calendarFeed.count({ where: { userId: alice.id } })).toBe(before);
    expect((await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } })).secretHash).toBe(secretHash);
  });

  it("refuses another user's feeds, lists and labels, and writes nothing", async () => {
    const { feed, url } = await createFeed(alice, { name: "Alice's" });
    const { secretHash } = await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    await expectError(await callApi("DELETE", `/api/calendar-feeds/${feed.id}`, { token: bob.token }), 403, "forbidden");
    await expectError(await callApi("POST", `/api/calendar-feeds/${feed.id}/rotate`, { token: bob.token }), 403, "forbidden");
    await expectError(await callApi("DELETE", `/api/calendar-feeds/${crypto.randomUUID()}`, { token: bob.token }), 404, "not_found");
    expect((await db.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } })).secretHash).toBe(secretHash);
    expect((await fetchFeed(url)).status).toBe(200);

    const aliceList = await createList(alice, { name: "Private" });
    const aliceLabel = await expectJson<{ id: string }>(await as(alice).post("/api/labels", { name: "private" }), 201);
    const bobCount = await db.prisma.calendarFeed.count({ where: { userId: bob.id } });
    await expectError(await callApi("POST", "/api/calendar-feeds", { token: bob.token, body: { name: "Peek", listId: aliceList.id } }), 403, "forbidden");
    await expectError(await callApi("POST", "/api/calendar-feeds", { token: bob.token, body: { name: "Peek", labelId: aliceLabel.id } }), 403, "forbidden");
    await expectError(await callApi("POST", "/api/calendar-feeds", { token: bob.token, body: { name: "Peek", listId: crypto.randomUUID() } }), 404, "not_found");
    const both = await expectError(await callApi("POST", "/api/calendar-feeds", { token: bob.token, body: { name: "Both", listId: crypto.randomUUID(), labelId: crypto.randomUUID() } }), 422, "validation_failed");
    expect(Object.keys(both.details ?? {})).toEqual(["labelId"]);
    await expectError(await callApi("POST", "/api/calendar-feeds", { token: bob.token, body: { name: "" } }), 422, "validation_failed");
    await expectError(await callApi("POST", "/api/calendar-feeds", { body: { name: "Anonymous" } }), 401, "unauthorized");
    expect(await db.prisma.calendarFeed.count({ where: { userId: bob.id } })).toBe(bobCount);
  });

  it(`holds at most ${FEEDS_PER_USER_MAX} feeds per account`, async () => {
    const user = await signUpUser("Many feeds");
    for (let index = 0; index < FEEDS_PER_USER_MAX; index++) await createFeed(user, { name: `Feed ${index}` });
    await expectError(await callApi("POST", "/api/calendar-feeds", { token: user.token, body: { name: "One too many" } }), 409, "calendar_feed_limit_reached");
    expect(await db.prisma.calendarFeed.count({ where: { userId: user.id } })).toBe(FEEDS_PER_USER_MAX);
  });
});
