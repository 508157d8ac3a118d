import { beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from "@/lib/export/service";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { createLabel, createList, createTask, expectError, getTask, type TaskJson } from "./support/organize";

// GET /api/export through the real route: all of the user's live data as JSON, the tasks as CSV.

setUpTestDatabase();

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

let ada: TestUser;
let tasks: TaskJson[];
let reminders: unknown[];
beforeAll(async () => {
  ada = await signUpUser("Ada");
  const work = await createList(ada, { name: "Work, mostly", color: "blue" });
  const label = await createLabel(ada, { name: "Urgent" });
  const report = await createTask(ada, { title: "Report", description: 'Say "why",\nthen how', listId: work.id, labelIds: [label.id], priority: "high", dueAt: "2027-01-05T09:00:00Z", dueTimeZone: "Europe/Berlin" });
  const outline = await createTask(ada, { title: "=HYPERLINK(\"http://evil\")", parentId: report.id, completed: true });
  const gone = await createTask(ada, { title: "In the trash" });
  const remind = (taskId: string, body: object) => callApi("POST", `/api/tasks/${taskId}/reminders`, { token: ada.token, body }).then((response) => response.json());
  reminders = [await remind(report.id, { minutesBefore: 30 }), await remind(outline.id, { at: "2027-01-04T08:00:00Z" })];
  await remind(gone.id, { at: "2027-01-04T09:00:00Z" });
  expect((await callApi("DELETE", `/api/tasks/${gone.id}`, { token: ada.token })).status).toBe(204);
  tasks = [await getTask(ada, report.id), await getTask(ada, outline.id)];
});

describe("GET /api/export", () => {
  it("gives every live list, label and task as one versioned JSON file, and nothing from the trash", async () => {
    const response = await callApi("GET", "/api/export", { token: ada.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tasks-\d{4}-\d\d-\d\d\.json"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const document = (await response.json()) as ExportDocument;
    expect(document).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, account: { name: "Ada", email: ada.email } });
    expect(document.lists.map((list) => [list.name, list.inbox])).toEqual([["Inbox", true], ["Work, mostly", false]]);
    expect(document.labels.map((label) => label.name)).toEqual(["Urgent"]);
    // Every field of each task, as the API reads it.
    expect(document.tasks).toEqual(tasks.map((task) => Object.fromEntries(Object.entries(task).filter(([field]) => field !== "subtasks"))));
    // Their reminders as the API answers them; none of the task in the trash.
    expect(document.reminders).toEqual(reminders);
  });

  it("gives the tasks as CSV that a spreadsheet reads back, with names for ids and no formula run", async () => {
    const response = await callApi("GET", "/api/export?format=csv", { token: ada.token });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(["Title", "Description", "Completed", "Priority", "Due date", "Due time", "Time zone", "List", "Labels", "Parent task", "Created", "Id"]);
    expect(rows).toEqual([
      // Due at 09:00 UTC, on Berlin's clock: 10:00 there.
      ["Report", 'Say "why",\nthen how', "no", "high", "2027-01-05", "10:00", "Europe/Berlin", "Work, mostly", "Urgent", "", tasks[0].createdAt, tasks[0].id],
      ["'=HYPERLINK(\"http://evil\")", "", "yes", "medium", "", "", "", "Work, mostly", "", "Report", tasks[1].createdAt, tasks[1].id],
    ]);
  });

  it("gives another user only their own, and refuses an unknown format or no token", async () => {
    const bob = await signUpUser("Bob");
    const theirs = await (await callApi("GET", "/api/export", { token: bob.token })).text();
    expect(theirs).not.toContain(ada.id);
    expect(theirs).not.toContain("Report");
    expect((JSON.parse(theirs) as ExportDocument).tasks).toEqual([]);
    await expectError(await callApi("GET", "/api/export?format=xml", { token: ada.token }), 422, "validation_failed");
    expect((await callApi("GET", "/api/export")).status).toBe(401);
  });
});
