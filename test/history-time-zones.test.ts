import { beforeAll, describe, expect, it } from "vitest";
import type { HistoryPage } from "@/lib/changes/service";
import type { TrashPage } from "@/lib/trash/service";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { as, createTask, expectJson, patchTask } from "./support/organize";

// The log's timestamps, whatever the database session's time zone: a change's fields read as
// the same instants the rest of the API answers (here +13:45 in December, and a zone behind UTC).

for (const timeZone of ["Pacific/Chatham", "America/St_Johns"]) {
  describe(timeZone, () => {
    setUpTestDatabase({ timeZone });
    let user: TestUser;
    beforeAll(async () => {
      user = await signUpUser("Zoned");
    });

    it("history entries carry the same createdAt, dueDate and deletedAt as the task and the trash", async () => {
      const task = await createTask(user, { title: "Zoned", dueAt: "2026-12-31T23:30:00.000Z", dueTimeZone: "Asia/Tokyo" });
      await patchTask(user, task.id, { dueAt: "2027-01-01T00:15:00.000Z", dueTimeZone: "Asia/Tokyo" });
      expect((await as(user).delete(`/api/tasks/${task.id}`)).status).toBe(204);
      const [trashed] = (await expectJson<TrashPage>(await as(user).get("/api/trash"))).tasks;
      const [deleted, due, created] = (await expectJson<HistoryPage>(await as(user).get(`/api/tasks/${task.id}/history`))).changes;
      expect(created.after).toMatchObject({ createdAt: task.createdAt, updatedAt: task.updatedAt, dueAt: "2026-12-31T23:30:00.000Z", deletedAt: null });
      expect(due).toMatchObject({ before: { dueAt: "2026-12-31T23:30:00.000Z" }, after: { dueAt: "2027-01-01T00:15:00.000Z" } });
      expect(deleted.after).toEqual({ deletedAt: trashed.deletedAt });
      expect(Math.abs(Date.parse(trashed.deletedAt) - Date.now())).toBeLessThan(60_000);
      // When each change was made: now, not now shifted by the zone's offset.
      for (const entry of [created, due, deleted]) expect(Math.abs(Date.parse(entry.at) - Date.now()), entry.at).toBeLessThan(60_000);
      // Undo of the trash, then of the due date change, as the zone's session reads the log.
      expect((await as(user).post(`/api/changes/${deleted.seq}/undo`, {})).status).toBe(200);
      expect((await as(user).post(`/api/changes/${due.seq}/undo`, {})).status).toBe(200);
      expect((await expectJson<{ dueAt: string }>(await as(user).get(`/api/tasks/${task.id}`))).dueAt).toBe("2026-12-31T23:30:00.000Z");
    });
  });
}
