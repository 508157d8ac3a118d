import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import webpush from "web-push";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { REMINDERS_PER_TASK_MAX } from "@/lib/reminders/constants";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { withEnv } from "./support/env";
import { signUpUser, type TestUser } from "./support/http";

// Reminders through the real route handlers and database: per-task CRUD scoped to the owner, the
// scheduler's secret, and the sender, which pushes (encrypted by web-push, really POSTed) to an
// in-process HTTP server standing in for the push service, once per reminder and subscription
// even when two runs overlap.

const db = setUpTestDatabase();
const CRON_SECRET = "test-only-cron-secret-0123456789"; // vitest.config.mts
const vapid = webpush.generateVAPIDKeys();
withEnv({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: "mailto:reminders@example.com" });

// --- The stand-in push service: records each push; answers 410 under /push/gone/, 500 under /push/broken/.
interface ReceivedPush {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
let received: ReceivedPush[] = [];
let pushServer: http.Server;
let pushOrigin: string;
beforeAll(async () => {
  pushServer = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = request.url!.startsWith("/push/gone/") ? 410 : request.url!.startsWith("/push/broken/") ? 500 : 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => pushServer.listen(0, "127.0.0.1", resolve));
  pushOrigin = `http://127.0.0.1:${(pushServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => pushServer.close(() => resolve())));

/** A browser's subscription keys, as PushManager makes them: a P-256 key pair and a 16-byte auth secret. */
function browserKeys() {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, p256dh: ecdh.getPublicKey().toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") };
}

/** Decrypts an aes128gcm Web Push message (RFC 8291, RFC 8188) as the browser would. */
function decryptPush(body: Buffer, keys: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const senderKey = body.subarray(21, 21 + idLength);
  const content = body.subarray(21 + idLength);
  const info = Buffer.concat([Buffer.from("WebPush: info\0"), keys.ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(crypto.hkdfSync("sha256", keys.ecdh.computeSecret(senderKey), Buffer.from(keys.auth, "base64url"), info, 32));
  const cek = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = crypto.createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(content.subarray(content.length - 16));
  const padded = Buffer.concat([decipher.update(content.subarray(0, content.length - 16)), decipher.final()]);
  return padded.subarray(0, padded.lastIndexOf(2)).toString("utf8"); // a last record ends with 0x02, then padding
}

/** A subscription of the user's at the stand-in push service (plain HTTP, so written directly: the API takes https only). */
async function subscribe(user: TestUser, kind: "ok" | "gone" | "broken" = "ok") {
  const keys = browserKeys();
  const endpoint = `${pushOrigin}/push/${kind}/${crypto.randomUUID()}`;
  await db.prisma.pushSubscription.create({ data: { userId: user.id, endpoint, p256dh: keys.p256dh, auth: keys.auth } });
  return { endpoint, path: new URL(endpoint).pathname, keys };
}

// --- API helpers
/** A run of the sender; `authorization` null sends none. */
const runSender = (authorization: string | null = `Bearer ${CRON_SECRET}`) =>
  callApi("GET", "/api/cron/reminders", { headers: authorization === null ? {} : { authorization } });

async function sendNow() {
  const response = await runSender();
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { claimed: number; sent: number; skipped: number; failed: number };
}

async function createTask(user: TestUser, fields: object = {}): Promise<{ id: string; title: string }> {
  const response = await callApi("POST", "/api/tasks", { token: user.token, body: { title: `Task ${crypto.randomUUID().slice(0, 6)}`, ...fields } });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

const addReminder = (user: TestUser, taskId: string, body: object) => callApi("POST", `/api/tasks/${taskId}/reminders`, { token: user.token, body });

async function createReminder(user: TestUser, taskId: string, body: object): Promise<{ id: string }> {
  const response = await addReminder(user, taskId, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const notificationsOf = (reminderId: string) => db.prisma.notification.count({ where: { reminderId } });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect((await response.json()).error.code).toBe(code);
}

let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpUser("Alice"), signUpUser("Bob")]);
});
/** Sends what earlier tests left due and forgets their subscriptions and pushes. */
async function startClean() {
  await sendNow();
  await db.prisma.pushSubscription.deleteMany();
  received = [];
}
afterEach(() => {
  vi.useRealTimers();
});

describe("a task's reminders", () => {
  it("are added at a moment or minutes before a timed due, listed, and removed", async () => {
    const task = await createTask(alice, { dueAt: minutesFromNow(120), dueTimeZone: "Europe/Berlin" });
    const at = minutesFromNow(60);
    const absolute = await createReminder(alice, task.id, { at });
    const relative = await createReminder(alice, task.id, { minutesBefore: 30 });
    expect(absolute).toMatchObject({ taskId: task.id, at, minutesBefore: null, sentAt: null });
    expect(relative).toMatchObject({ taskId: task.id, at: null, minutesBefore: 30 });

    const listed = await callApi("GET", `/api/tasks/${task.id}/reminders`, { token: alice.token });
    expect(listed.status).toBe(200);
    expect((await listed.json()).reminders.map((reminder: { id: string }) => reminder.id).sort()).toEqual([absolute.id, relative.id].sort());

    expect((await callApi("DELETE", `/api/reminders/${absolute.id}`, { token: alice.token })).status).toBe(204);
    expect(await db.prisma.reminder.findUnique({ where: { id: absolute.id } })).toBeNull();
    await expectError(await callApi("DELETE", `/api/reminders/${absolute.id}`, { token: alice.token }), 404, "not_found");
  });

  it("are refused on another user's task (403) or an unknown one (404), and another user's reminder cannot be removed", async () => {
    const task = await createTask(alice, { dueDate: "2030-01-01" });
    const reminder = await createReminder(alice, task.id, { at: minutesFromNow(60) });
    const before = await db.prisma.reminder.count();
    await expectError(await addReminder(bob, task.id, { at: minutesFromNow(60) }), 403, "forbidden");
    await expectError(await callApi("GET", `/api/tasks/${task.id}/reminders`, { token: bob.token }), 403, "forbidden");
    await expectError(await addReminder(bob, crypto.randomUUID(), { at: minutesFromNow(60) }), 404, "not_found");
    await expectError(await callApi("DELETE", `/api/reminders/${reminder.id}`, { token: bob.token }), 403, "forbidden");
    expect(await db.prisma.reminder.count()).toBe(before);
  });

  it("before the due time needs a task due at a time (422); a whole-day task takes reminders at a moment", async () => {
    const wholeDay = await createTask(alice, { dueDate: "2030-01-01" });
    const notDue = await createTask(alice);
    const before = await db.prisma.reminder.count();
    await expectError(await addReminder(alice, wholeDay.id, { minutesBefore: 30 }), 422, "reminder_needs_due_moment");
    await expectError(await addReminder(alice, notDue.id, { minutesBefore: 30 }), 422, "reminder_needs_due_moment");
    await expectError(await addReminder(alice, wholeDay.id, {}), 422, "validation_failed");
    await expectError(await addReminder(alice, wholeDay.id, { at: minutesFromNow(5), minutesBefore: 5 }), 422, "validation_failed");
    await expectError(await addReminder(alice, wholeDay.id, { minutesBefore: -1 }), 422, "validation_failed");
    await expectError(await addReminder(alice, wholeDay.id, { at: "tomorrow" }), 422, "validation_failed");
    expect(await db.prisma.reminder.count()).toBe(before);
    await createReminder(alice, wholeDay.id, { at: "2029-12-31T09:00:00+01:00" });
  });

  it(`are at most ${REMINDERS_PER_TASK_MAX} per task`, async () => {
    const task = await createTask(alice, { dueAt: minutesFromNow(600), dueTimeZone: "UTC" });
    await Promise.all(Array.from({ length: REMINDERS_PER_TASK_MAX }, (_, index) => createReminder(alice, task.id, { minutesBefore: index * 10 })));
    await expectError(await addReminder(alice, task.id, { minutesBefore: 99 }), 409, "reminder_limit_reached");
    expect(await db.prisma.reminder.count({ where: { taskId: task.id } })).toBe(REMINDERS_PER_TASK_MAX);
  });
});

describe("push subscriptions and notifications", () => {
  beforeEach(startClean);

  it("takes a browser's https subscription, refuses plain http, and removes only the caller's", async () => {
    const keys = browserKeys();
    const subscription = { endpoint: `https://push.example.com/send/${crypto.randomUUID()}`, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } };
    expect((await callApi("POST", "/api/push-subscriptions", { token: alice.token, body: subscription })).status).toBe(204);
    for (const endpoint of ["http://push.example.com/send/1", "https://10.0.0.1/steal", "https://[::1]/x", "https://localhost/x", "https://metadata.internal/x"]) {
      await expectError(await callApi("POST", "/api/push-subscriptions", { token: alice.token, body: { ...subscription, endpoint } }), 422, "validation_failed");
    }
    expect((await callApi("DELETE", "/api/push-subscriptions", { token: bob.token, body: { endpoint: subscription.endpoint } })).status).toBe(204);
    expect(await db.prisma.pushSubscription.count({ where: { endpoint: subscription.endpoint, userId: alice.id } })).toBe(1);
    expect((await callApi("DELETE", "/api/push-subscriptions", { token: alice.token, body: { endpoint: subscription.endpoint } })).status).toBe(204);
    expect(await db.prisma.pushSubscription.count({ where: { endpoint: subscription.endpoint } })).toBe(0);
  });

  it("lists notifications newest first and marks one read; another user's is 403", async () => {
    const first = await createTask(alice, { title: "Water the plants" });
    const second = await createTask(alice, { title: "Call the bank" });
    await createReminder(alice, first.id, { at: minutesFromNow(-2) });
    await sendNow();
    await createReminder(alice, second.id, { at: minutesFromNow(-1) });
    await sendNow();
    const response = await callApi("GET", "/api/notifications", { token: alice.token });
    expect(response.status).toBe(200);
    const { notifications } = await response.json();
    expect(notifications.slice(0, 2).map((n: { title: string }) => n.title)).toEqual(["Call the bank", "Water the plants"]);
    const [latest] = notifications;
    expect(latest.readAt).toBeNull();
    await expectError(await callApi("PATCH", `/api/notifications/${latest.id}`, { token: bob.token, body: { read: true } }), 403, "forbidden");
    expect((await callApi("PATCH", `/api/notifications/${latest.id}`, { token: alice.token, body: { read: true } })).status).toBe(204);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: latest.id } })).readAt).not.toBeNull();
    expect((await (await callApi("GET", "/api/notifications", { token: bob.token })).json()).notifications).toEqual([]);
  });
});

describe("the sender, GET /api/cron/reminders", () => {
  beforeEach(startClean);

  it("refuses a missing or wrong secret (401) and sends nothing", async () => {
    const task = await createTask(alice);
    const reminder = await createReminder(alice, task.id, { at: minutesFromNow(-1) });
    for (const authorization of [null, "Bearer wrong-secret-wrong-secret", CRON_SECRET, `Bearer ${CRON_SECRET}x`]) {
      const response = await runSender(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await notificationsOf(reminder.id)).toBe(0);
    expect((await sendNow()).sent).toBe(1);
  });

  it("sends each due reminder exactly once when two runs overlap: one notification, one encrypted push per subscription", async () => {
    const phone = await subscribe(alice);
    const laptop = await subscribe(alice);
    const tasks = await Promise.all(["Pay rent", "Renew passport", "Book dentist"].map((title) => createTask(alice, { title, dueAt: minutesFromNow(10), dueTimeZone: "Europe/Paris" })));
    const reminders = await Promise.all(tasks.map((task, index) => createReminder(alice, task.id, index === 0 ? { at: minutesFromNow(-1) } : { minutesBefore: 15 })));
    const notYet = await createReminder(alice, tasks[0].id, { minutesBefore: 5 });

    const runs = await Promise.all([runSender(), runSender()]);
    expect(runs.map((run) => run.status)).toEqual([200, 200]);
    const summaries = await Promise.all(runs.map((run) => run.json()));
    expect(summaries.reduce((sum, s) => sum + s.claimed, 0)).toBe(3);
    expect(summaries.reduce((sum, s) => sum + s.sent, 0)).toBe(3);
    for (const reminder of reminders) {
      expect(await notificationsOf(reminder.id)).toBe(1);
      expect((await db.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).sentAt).not.toBeNull();
    }
    expect(await notificationsOf(notYet.id)).toBe(0);

    // One push per (reminder, subscription), each with the reminder as its topic, an hour to live, VAPID-signed.
    expect(received).toHaveLength(6);
    for (const subscription of [phone, laptop]) {
      const pushes = received.filter((push) => push.path === subscription.path);
      const topics = pushes.map((push) => push.headers.topic);
      expect(topics.sort()).toEqual(reminders.map((reminder) => reminder.id.replaceAll("-", "").slice(0, 32)).sort());
      for (const push of pushes) {
        expect(push.headers).toMatchObject({ ttl: "3600", "content-encoding": "aes128gcm" });
        expect(push.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
        const message = JSON.parse(decryptPush(push.body, subscription.keys));
        expect(tasks.map((task) => task.title)).toContain(message.title);
      }
    }

    // A third run finds nothing left to send.
    expect(await sendNow()).toEqual({ claimed: 0, sent: 0, skipped: 0, failed: 0 });
    expect(received).toHaveLength(6);
  });

  it("deletes a subscription the push service says is gone (410), and keeps the others", async () => {
    const gone = await subscribe(alice, "gone");
    const kept = await subscribe(alice);
    const task = await createTask(alice);
    const reminder = await createReminder(alice, task.id, { at: minutesFromNow(-1) });
    expect(await sendNow()).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(received.map((push) => push.path).sort()).toEqual([gone.path, kept.path].sort());
    expect(await db.prisma.pushSubscription.count({ where: { endpoint: gone.endpoint } })).toBe(0);
    expect(await db.prisma.pushSubscription.count({ where: { endpoint: kept.endpoint } })).toBe(1);
    expect(await notificationsOf(reminder.id)).toBe(1);
  });

  it("tries a reminder again when the push service fails, once the run's claim has expired", async () => {
    const broken = await subscribe(bob, "broken");
    const task = await createTask(bob);
    const reminder = await createReminder(bob, task.id, { at: minutesFromNow(-1) });
    expect(await sendNow()).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    expect((await db.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).sentAt).toBeNull();
    // Within the claim, no run takes it again.
    expect(await sendNow()).toMatchObject({ claimed: 0 });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3 * 60_000 });
    expect(await sendNow()).toMatchObject({ claimed: 1, failed: 1 });
    expect(received.filter((push) => push.path === broken.path)).toHaveLength(2);
    // The in-app notification was made once.
    expect(await notificationsOf(reminder.id)).toBe(1);
    await db.prisma.reminder.delete({ where: { id: reminder.id } });
  });

  it("sends nothing for a task completed or in the trash, and marks those reminders done", async () => {
    await subscribe(alice);
    const completed = await createTask(alice);
    const trashed = await createTask(alice);
    const reminders = [await createReminder(alice, completed.id, { at: minutesFromNow(-1) }), await createReminder(alice, trashed.id, { at: minutesFromNow(-1) })];
    expect((await callApi("PATCH", `/api/tasks/${completed.id}`, { token: alice.token, body: { completed: true } })).status).toBe(200);
    expect((await callApi("DELETE", `/api/tasks/${trashed.id}`, { token: alice.token })).status).toBe(204);
    expect(await sendNow()).toEqual({ claimed: 2, sent: 0, skipped: 2, failed: 0 });
    expect(received).toHaveLength(0);
    for (const reminder of reminders) {
      expect(await notificationsOf(reminder.id)).toBe(0);
      expect((await db.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).sentAt).not.toBeNull();
    }
  });

  it("fires a relative reminder from the task's current due moment, so a changed dueAt moves it", async () => {
    const task = await createTask(alice, { dueAt: minutesFromNow(120), dueTimeZone: "America/New_York" });
    const reminder = await createReminder(alice, task.id, { minutesBefore: 30 });
    expect(await sendNow()).toMatchObject({ claimed: 0 });
    // Due sooner: 30 minutes before it is now past.
    expect((await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { dueAt: minutesFromNow(20), dueTimeZone: "America/New_York" } })).status).toBe(200);
    expect(await sendNow()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await notificationsOf(reminder.id)).toBe(1);
  });

  it("fires a relative reminder of a repeating task again for its next due, once each", async () => {
    const dueAt = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000);
    const task = await createTask(alice, { title: "Take vitamins", dueAt: dueAt.toISOString(), dueTimeZone: "UTC", recurrence: { rule: "FREQ=DAILY" } });
    const reminder = await createReminder(alice, task.id, { minutesBefore: 30 });
    expect(await sendNow()).toMatchObject({ claimed: 1, sent: 1 });
    const completed = await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { completed: true, occurrence: dueAt.toISOString() } });
    expect(completed.status, await completed.clone().text()).toBe(200);
    expect((await completed.json()).dueAt).toBe(new Date(dueAt.getTime() + 86_400_000).toISOString());
    // Re-armed for tomorrow's due, and not due before then.
    expect((await db.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).sentAt).toBeNull();
    expect(await sendNow()).toMatchObject({ claimed: 0 });
    vi.useFakeTimers({ toFake: ["Date"], now: dueAt.getTime() + 86_400_000 - 29 * 60_000 });
    await Promise.all([sendNow(), sendNow()]);
    const notifications = await db.prisma.notification.findMany({ where: { reminderId: reminder.id }, orderBy: { remindedFor: "asc" } });
    expect(notifications.map((n) => n.remindedFor.toISOString())).toEqual([
      new Date(dueAt.getTime() - 30 * 60_000).toISOString(),
      new Date(dueAt.getTime() + 86_400_000 - 30 * 60_000).toISOString(),
    ]);
  });

  it("follows the clock: a reminder at a later moment is sent once that moment comes", async () => {
    const task = await createTask(alice);
    const reminder = await createReminder(alice, task.id, { at: minutesFromNow(90) });
    expect(await sendNow()).toMatchObject({ claimed: 0 });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 91 * 60_000 });
    // Earlier tests' reminders within the next 90 minutes come due too.
    expect((await sendNow()).sent).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(reminder.id)).toBe(1);
  });
});

describe("the sender without CRON_SECRET configured", () => {
  withEnv({ CRON_SECRET: undefined });

  it("answers 503, saying what to set", async () => {
    const response = await runSender();
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatchObject({ code: "not_configured", message: expect.stringContaining("CRON_SECRET") });
  });
});
