import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Temporal } from "temporal-polyfill";
import { afterAll, describe, expect, it } from "vitest";
import { setPrismaForTests } from "@/lib/db";
import { listTasksForUser } from "@/lib/tasks/service";
import { listQuerySchema } from "@/lib/tasks/schemas";
import { BACKENDS, deploy } from "./support/migrations";

// Due dates were one instant: the last second of the picked day in the zone of the browser that
// picked it (or whatever instant an API client sent). The migration makes each a whole day or a
// moment without changing the day any user sees (prisma/migrations/20261206100000_due_times_recurrence).

const NEW_MIGRATION = "20261206100000_due_times_recurrence";
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-migration-due-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** The instant the old forms stored for a picked day, as UTC wall time without a zone (Prisma's way). */
const endOfDay = (day: string, zone: string) =>
  new Date(Temporal.PlainDate.from(day).add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds - 1000).toISOString().replace("Z", "");

// Owners: with a profile zone (east and west of UTC, a half hour), and without one (their browsers were anywhere).
const OWNERS = [
  { id: "in-berlin", timeZone: "Europe/Berlin" },
  { id: "in-la", timeZone: "America/Los_Angeles" },
  { id: "in-kolkata", timeZone: "Asia/Kolkata" },
  { id: "in-auckland", timeZone: "Pacific/Auckland" },
  { id: "in-lisbon", timeZone: "Europe/Lisbon" },
  { id: "unknown-zone", timeZone: null },
  { id: "bad-zone", timeZone: "Not/A_Zone" },
];
const DAYS = ["2026-01-31", "2026-03-29", "2026-06-15", "2026-10-25", "2026-12-24"];
// Where the zone-less owner's browsers were: New York, Berlin, Honolulu (-10), Auckland (+13 in
// summer, +12 in winter), UTC, Kolkata (+5:30).
const BROWSER_ZONES = ["America/New_York", "Europe/Berlin", "Pacific/Honolulu", "Pacific/Auckland", "UTC", "Asia/Kolkata"];

interface Expected {
  id: string;
  userId: string;
  dueDate: string | null;
  dueAt: string | null;
  dueTimeZone: string | null;
}
const rows: { id: string; userId: string; instant: string | null; expected: Omit<Expected, "id" | "userId"> }[] = [];
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
for (const owner of OWNERS) {
  const zones = owner.timeZone === null || owner.timeZone === "Not/A_Zone" ? BROWSER_ZONES : [owner.timeZone];
  for (const zone of zones) {
    for (const day of DAYS) rows.push({ id: uuid(rows.length + 1), userId: owner.id, instant: endOfDay(day, zone), expected: { dueDate: day, dueAt: null, dueTimeZone: null } });
  }
  // An API client's moment stays that moment, on the owner's clock (UTC's when unknown).
  const zone = owner.timeZone && owner.timeZone !== "Not/A_Zone" ? owner.timeZone : "UTC";
  rows.push({ id: uuid(rows.length + 1), userId: owner.id, instant: "2026-12-31T17:00:00", expected: { dueDate: null, dueAt: "2026-12-31T17:00:00.000Z", dueTimeZone: zone } });
  rows.push({ id: uuid(rows.length + 1), userId: owner.id, instant: null, expected: { dueDate: null, dueAt: null, dueTimeZone: null } });
}

// Lisbon's clocks jumped from 23:00 to 01:00 on 1945-04-21: that day ended at 22:59:59.
rows.push({ id: uuid(rows.length + 1), userId: "in-lisbon", instant: endOfDay("1945-04-21", "Europe/Lisbon"), expected: { dueDate: "1945-04-21", dueAt: null, dueTimeZone: null } });

describe.each(BACKENDS)("the due times migration on $name", (backend) => {
  it.runIf(backend.enabled)("keeps the day every user saw: a picked day becomes that whole day, any other instant a moment", { timeout: 180_000 }, async () => {
    const database = await backend.create(tempDir);
    try {
      await deploy(database.url, "before", NEW_MIGRATION, tempDir);
      let db = await database.open();
      try {
        for (const owner of OWNERS) {
          await db.query(`INSERT INTO "user" ("id", "name", "email", "timeZone", "updatedAt") VALUES ($1, $1, $1 || '@example.com', $2, now())`, [owner.id, owner.timeZone]);
        }
        for (const [index, row] of rows.entries()) {
          await db.query(
            `INSERT INTO "task" ("id", "userId", "title", "dueDate", "updatedAt", "listId", "position")
             SELECT $1, $2, $3, $4, now(), l."id", $5 FROM "list" l WHERE l."userId" = $2 AND l."inbox"`,
            [row.id, row.userId, `Task ${index}`, row.instant, `a${String(index).padStart(4, "0")}`],
          );
        }
      } finally {
        await db.close();
      }

      await deploy(database.url, "with", NEW_MIGRATION, tempDir);
      db = await database.open();
      try {
        // The conversion is not a change of the users': nothing in their history or changes feed.
        const logged = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM "change" WHERE "entity" = 'task' AND "op" = 'update'`);
        expect(logged.rows[0].count).toBe(0);
      } finally {
        await db.close();
      }

      const { client, close } = await database.prisma();
      setPrismaForTests(client);
      try {
        for (const owner of OWNERS) {
          const page = await listTasksForUser(owner.id, listQuerySchema.parse({ sort: "position", limit: "100" }));
          const got = page.tasks.map((task) => ({ id: task.id, userId: owner.id, dueDate: task.dueDate, dueAt: task.dueAt, dueTimeZone: task.dueTimeZone }));
          const expected = rows.filter((row) => row.userId === owner.id).map((row) => ({ id: row.id, userId: row.userId, ...row.expected }));
          expect(got, owner.id).toEqual(expected);
        }
        // Ordered by due: whole days at their end, then none.
        const byDue = await listTasksForUser("in-berlin", listQuerySchema.parse({ sort: "dueDate", limit: "100" }));
        expect(byDue.tasks.map((task) => task.dueDate ?? task.dueAt)).toEqual([...DAYS, "2026-12-31T17:00:00.000Z", null]);
      } finally {
        setPrismaForTests(undefined);
        await close();
      }
    } finally {
      await database.drop();
    }
  });
});
