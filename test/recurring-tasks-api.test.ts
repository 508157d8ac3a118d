import { describe, expect, it, vi } from "vitest";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { expectError, expectJson, type TaskJson } from "./support/organize";

// Repeating tasks through the API: completing one (PATCH /complete or PATCH completed: true)
// keeps it open at its next occurrence, counted in the owner's zone, once per occurrence.

const db = setUpTestDatabase();

const create = async (user: TestUser, body: object) => expectJson<TaskJson>(await callApi("POST", "/api/tasks", { token: user.token, body }), 201);
const toggle = (user: TestUser, id: string, occurrence?: string) =>
  callApi("PATCH", `/api/tasks/${id}/complete${occurrence ? `?occurrence=${encodeURIComponent(occurrence)}` : ""}`, { token: user.token });
const patch = (user: TestUser, id: string, body: object) => callApi("PATCH", `/api/tasks/${id}`, { token: user.token, body });
const changesOf = async (user: TestUser, id: string) => (await db.prisma.change.count({ where: { userId: user.id, entityId: id } }));

describe("a repeating task", () => {
  it("is stored with its rule, normalised, and refused without a due or with a rule we cannot keep", async () => {
    const user = await signUpUser("Rules");
    const task = await create(user, { title: "Stand-up", dueDate: "2026-12-07", recurrence: { rule: "rrule:freq=weekly;byday=mo;interval=1" } });
    expect(task.recurrence).toEqual({ rule: "FREQ=WEEKLY;BYDAY=MO", mode: "schedule" });
    const before = await db.prisma.task.count({ where: { userId: user.id } });
    await expectError(await callApi("POST", "/api/tasks", { token: user.token, body: { title: "t", recurrence: { rule: "FREQ=DAILY" } } }), 422, "recurrence_needs_due");
    for (const rule of ["FREQ=HOURLY", "FREQ=DAILY;COUNT=3", "DTSTART:20260101;FREQ=DAILY", "nonsense", "FREQ=MONTHLY;BYMONTHDAY=30;BYMONTH=2"]) {
      const error = await expectError(await callApi("POST", "/api/tasks", { token: user.token, body: { title: "t", dueDate: "2026-12-07", recurrence: { rule } } }), 422, "validation_failed");
      expect(Object.keys(error.details ?? {}).join()).toMatch(/recurrence/);
    }
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(before);
    // Removing the due removes the repeat: nothing would be left to repeat by.
    expect(await expectJson<TaskJson>(await patch(user, task.id, { dueDate: null }))).toMatchObject({ dueDate: null, recurrence: null });
    await expectError(await patch(user, task.id, { recurrence: { rule: "FREQ=DAILY" } }), 422, "recurrence_needs_due");
  });

  it("goes back to its time after a daylight-saving gap moved it: daily at 02:30 in Berlin", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-03-27T08:00:00Z") });
    try {
      const user = await signUpUser("Night shift");
      const task = await create(user, { title: "Night check", dueAt: "2027-03-27T01:30:00Z", dueTimeZone: "Europe/Berlin", recurrence: { rule: "FREQ=DAILY" } });
      const inGap = await expectJson<TaskJson>(await toggle(user, task.id, task.dueAt!));
      expect(inGap.dueAt).toBe("2027-03-28T01:30:00.000Z"); // 03:30 CEST: 02:30 does not exist on the 28th
      // Completed early, the day before (the occurrence after the gap's day).
      const after = await expectJson<TaskJson>(await toggle(user, task.id, inGap.dueAt!));
      expect(after.dueAt).toBe("2027-03-29T00:30:00.000Z"); // 02:30 CEST again
    } finally {
      vi.useRealTimers();
    }
  });

  it("moves to its next occurrence when completed, through either route, and a repeated request completes it once", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-07T09:00:00Z") }); // a Monday
    try {
      const user = await signUpUser("Weekly");
      const task = await create(user, { title: "Take out the bins", dueDate: "2026-12-07", recurrence: { rule: "FREQ=WEEKLY;BYDAY=MO" } });
      await expectError(await toggle(user, task.id), 428, "occurrence_required");
      await expectError(await patch(user, task.id, { completed: true }), 428, "occurrence_required");
      expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).dueDate?.toISOString()).toBe("2026-12-07T00:00:00.000Z");

      const next = await expectJson<TaskJson>(await toggle(user, task.id, "2026-12-07"));
      expect(next).toMatchObject({ completed: false, dueDate: "2026-12-14" });
      const logged = await changesOf(user, task.id);
      // The same occurrence again (a double click, a retry): nothing more happens.
      expect(await expectJson<TaskJson>(await toggle(user, task.id, "2026-12-07"))).toMatchObject({ completed: false, dueDate: "2026-12-14" });
      expect(await expectJson<TaskJson>(await patch(user, task.id, { completed: true, occurrence: "2026-12-07" }))).toMatchObject({ dueDate: "2026-12-14" });
      expect(await changesOf(user, task.id)).toBe(logged);

      // PATCH completes the next one, with its other changes.
      expect(await expectJson<TaskJson>(await patch(user, task.id, { completed: true, occurrence: "2026-12-14", priority: "high" }))).toMatchObject({
        completed: false,
        priority: "high",
        dueDate: "2026-12-21",
      });
      // Its history records each completion.
      const history = await expectJson<{ changes: { after: Record<string, unknown> | null }[] }>(await callApi("GET", `/api/tasks/${task.id}/history`, { token: user.token }));
      expect(history.changes.map((change) => change.after?.completedOccurrence).filter(Boolean)).toEqual(["2026-12-14", "2026-12-07"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("completes one occurrence when two requests for it come at once", async () => {
    const user = await signUpUser("Racing");
    const task = await create(user, { title: "Daily", dueDate: "2030-01-01", recurrence: { rule: "FREQ=DAILY" } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => toggle(user, task.id, "2030-01-01")));
    const tasks = await Promise.all(answers.map((answer) => expectJson<TaskJson>(answer)));
    expect(new Set(tasks.map((one) => one.dueDate))).toEqual(new Set(["2030-01-02"]));
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).completedOccurrence).toBe("2030-01-01");
  });

  it("keeps its wall-clock time in its zone across a change of offset, and counts from the completion day in the owner's zone", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-10-24T20:00:00Z") });
    try {
      const user = await signUpUser("Berlin");
      // 09:00 in Berlin on Saturday 24 October (UTC+2); the clocks go back on the 25th.
      const task = await create(user, { title: "Call home", dueAt: "2026-10-24T07:00:00Z", dueTimeZone: "Europe/Berlin", recurrence: { rule: "FREQ=DAILY" } });
      expect(await expectJson<TaskJson>(await toggle(user, task.id, "2026-10-24T09:00:00+02:00"))).toMatchObject({ dueAt: "2026-10-25T08:00:00.000Z", dueTimeZone: "Europe/Berlin" });
      // Three days after each completion: counted from the day it was completed.
      const plants = await create(user, { title: "Water plants", dueDate: "2026-10-01", recurrence: { rule: "FREQ=DAILY;INTERVAL=3", mode: "completion" } });
      expect(await expectJson<TaskJson>(await patch(user, plants.id, { completed: true, occurrence: "2026-10-01" }))).toMatchObject({ dueDate: "2026-10-27" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("ends completed when its rule has no occurrence left", async () => {
    const user = await signUpUser("Ending");
    const task = await create(user, { title: "Course", dueDate: "2030-03-01", recurrence: { rule: "FREQ=WEEKLY;UNTIL=20300305" } });
    expect(await expectJson<TaskJson>(await toggle(user, task.id, "2030-03-01"))).toMatchObject({ completed: true, dueDate: "2030-03-01" });
    // Reopening it is a plain toggle.
    expect(await expectJson<TaskJson>(await toggle(user, task.id))).toMatchObject({ completed: false, dueDate: "2030-03-01" });
  });
});
