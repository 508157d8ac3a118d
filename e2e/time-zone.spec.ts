import { TIME_ZONE_COOKIE } from "../lib/client/relative-date";
import { expect, openTasks, test } from "./fixtures";
import { newAccount, signUp, taskItem } from "./support";

// Due dates speak the calendar of the browser's zone. A first visit has no zone cookie, so the
// server renders in UTC; the browser then reads its zone, shows its own day, and sets the cookie
// so that the server renders that day from the next load on.

const ZONE = "Pacific/Kiritimati"; // UTC+14: its calendar day is often not UTC's
const HOUR = 3_600_000;

/** "Today"/"Tomorrow" counted on the zone's calendar, independently of the app's code. */
function dayWord(due: Date, now: Date, timeZone: string): string | undefined {
  const day = (instant: Date) => Date.parse(new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant));
  return { 0: "Today", 1: "Tomorrow" }[(day(due) - day(now)) / (24 * HOUR)];
}

test.use({ timezoneId: ZONE });

test("a first visit shows the browser's day, and the server renders it from then on", async ({ page, createTasks }) => {
  // An instant at least an hour ahead that is "Today" in one zone and "Tomorrow" in the other.
  const now = new Date();
  const due = Array.from({ length: 36 }, (_, i) => new Date(now.getTime() + (i + 1) * HOUR)).find((instant) => {
    const [utc, local] = [dayWord(instant, now, "UTC"), dayWord(instant, now, ZONE)];
    return utc && local && utc !== local;
  })!;
  const words = dayWord(due, now, ZONE)!;
  await createTasks([{ title: "Call the ferry office", dueAt: due.toISOString(), dueTimeZone: ZONE }]);

  await openTasks(page);
  await expect(taskItem(page, "Call the ferry office").locator("time")).toHaveText(new RegExp(`^${words} at `));
  await expect.poll(async () => (await page.context().cookies()).find((cookie) => cookie.name === TIME_ZONE_COOKIE)?.value).toBe(encodeURIComponent(ZONE));

  const html = await (await page.request.get("/tasks")).text();
  expect(html).toMatch(new RegExp(`>${words} at [^<]+</time>`));
});

test("a new account starts in its browser's zone; a zone chosen in Settings is kept wherever the browser is", async ({ page, playwright, baseURL }) => {
  await signUp(page, newAccount("Traveller"));
  await page.goto("/settings");
  const zoneField = page.getByRole("region", { name: "Time zone" }).getByLabel("Time zone");
  await expect(zoneField).toHaveValue(ZONE);

  await zoneField.selectOption("UTC");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("region", { name: "Time zone" }).getByRole("alert")).toHaveText("Dates now follow UTC on every device.");

  // Due in an hour or more, on a different day in UTC than here: the page speaks UTC's day.
  const now = new Date();
  const due = Array.from({ length: 36 }, (_, i) => new Date(now.getTime() + (i + 1) * HOUR)).find((instant) => {
    const [utc, local] = [dayWord(instant, now, "UTC"), dayWord(instant, now, ZONE)];
    return utc && local && utc !== local;
  })!;
  const api = await playwright.request.newContext({ baseURL, storageState: await page.context().storageState() });
  const { token } = await (await api.get("/api/auth/token")).json();
  expect((await api.post("/api/tasks", { data: { title: "Board the ferry", dueAt: due.toISOString(), dueTimeZone: "UTC" }, headers: { Authorization: `Bearer ${token}` } })).status()).toBe(201);
  await api.dispose();
  await openTasks(page);
  await expect(taskItem(page, "Board the ferry").locator("time")).toHaveText(new RegExp(`^${dayWord(due, now, "UTC")!} at `));
  // A due date picked in the form is that day in UTC too, whatever the browser's zone.
  await taskItem(page, "Board the ferry").getByRole("button", { name: "Edit Board the ferry" }).click();
  await expect(page.getByRole("dialog", { name: "Edit task" }).getByLabel("Due date")).toHaveValue(new Intl.DateTimeFormat("en-CA", { timeZone: "UTC" }).format(due));
});
