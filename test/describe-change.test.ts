import { describe, expect, it } from "vitest";
import { describeActor, describeChange, fieldsInWords, type ChangeNames } from "@/lib/client/describe-change";
import type { ChangeEntry } from "@/lib/client/history-api";
import { timeAgo } from "@/lib/client/relative-date";

// The history's plain words for each kind of change the log holds.

const names: ChangeNames = {
  list: (id) => ({ l1: "Groceries" })[id],
  label: (id) => ({ b1: "Errand" })[id],
  day: (day) => `day ${day}`,
  moment: (iso) => `moment ${iso}`,
};

const entry = (fields: Partial<ChangeEntry>): ChangeEntry => ({
  seq: 1,
  at: "2026-12-04T12:00:00.000Z",
  actor: "session:a",
  mine: true,
  entity: "task",
  entityId: "t1",
  op: "update",
  before: {},
  after: {},
  ...fields,
});

describe("describeChange", () => {
  it.each([
    [{ before: { title: "A" }, after: { title: "B" } }, "Renamed from “A” to “B”"],
    [{ before: { completed: false }, after: { completed: true } }, "Completed"],
    [{ before: { completed: true }, after: { completed: false } }, "Reopened"],
    [{ before: { priority: "medium" }, after: { priority: "high" } }, "Priority: medium → high"],
    [{ before: { listId: "l0", position: "a" }, after: { listId: "l1", position: "b" } }, "Moved to Groceries"],
    [{ before: { listId: "l1" }, after: { listId: "gone" } }, "Moved to a list deleted since"],
    [{ before: { dueDate: null }, after: { dueDate: "2030-01-02" } }, "Due day 2030-01-02"],
    [{ before: { dueDate: "2030-01-02" }, after: { dueDate: null } }, "Due date removed"],
    [{ before: { dueDate: "2030-01-02", dueAt: null }, after: { dueDate: null, dueAt: "2030-01-02T17:00:00.000Z" } }, "Due moment 2030-01-02T17:00:00.000Z"],
    [{ before: { dueAt: "2030-01-02T17:00:00.000Z" }, after: { dueAt: null } }, "Due date removed"],
    // Logged before whole days and moments: an instant in dueDate.
    [{ before: { dueDate: null }, after: { dueDate: "2030-01-02T23:59:59.000Z" } }, "Due moment 2030-01-02T23:59:59.000Z"],
    [{ before: { dueDate: "2030-01-02", completedOccurrence: null }, after: { dueDate: "2030-01-09", completedOccurrence: "2030-01-02" } }, "Completed the one due day 2030-01-02; Due day 2030-01-09"],
    [{ before: { position: "a" }, after: { position: "b" } }, "Moved in the order"],
    [{ before: { deletedAt: null }, after: { deletedAt: "2026-12-04T12:00:00.000Z" } }, "Moved to the trash"],
    [{ before: { deletedAt: "2026-12-04T12:00:00.000Z" }, after: { deletedAt: null } }, "Restored"],
    [{ op: "create" as const, before: null, after: { title: "A" } }, "Created"],
    [{ op: "delete" as const, before: { title: "A" }, after: null }, "Deleted for good"],
    [{ entity: "task_label" as const, op: "create" as const, before: null, after: { labelId: "b1" } }, "Label Errand added"],
    [{ entity: "task_label" as const, op: "delete" as const, before: { labelId: "b1" }, after: null }, "Label Errand removed"],
    [{ before: { title: "A", completed: false }, after: { title: "B", completed: true } }, "Renamed from “A” to “B”; Completed"],
  ])("%j reads %s", (fields, words) => {
    expect(describeChange(entry(fields), names)).toBe(words);
  });
});

describe("describeActor", () => {
  it("names this device, another device, or the system", () => {
    expect(describeActor(entry({ mine: true }))).toBe("this device");
    expect(describeActor(entry({ mine: false, actor: "session:b" }))).toBe("another device");
    expect(describeActor(entry({ mine: false, actor: null }))).toBe("the system");
  });
});

describe("fieldsInWords and timeAgo", () => {
  it("writes the fields an undo would overwrite in words", () => {
    expect(fieldsInWords(["title", "dueDate", "listId"])).toBe("title, due date, list");
  });

  it("says how long ago", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    const ago = (ms: number) => timeAgo(new Date(now.getTime() - ms), now);
    expect(ago(20_000)).toBe("just now");
    expect(ago(5 * 60_000)).toBe("5 minutes ago");
    expect(ago(2 * 3_600_000)).toBe("2 hours ago");
    expect(ago(86_400_000)).toBe("yesterday");
    expect(ago(3 * 86_400_000)).toBe("3 days ago");
  });
});
