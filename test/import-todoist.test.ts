import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestError } from "@/lib/api/errors";
import type { ExportDocument } from "@/lib/export/service";
import { todoistCsvDocument } from "@/lib/import/todoist";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import * as importRoute from "@/app/api/import/route";
import { APP_URL, callRoute, signUpUser, type TestUser } from "./support/http";
import { expectJson } from "./support/organize";

// POST /api/import with a project exported from Todoist as CSV: what a person moving from
// Todoist gets, and what a broken or hostile file gets (a 4xx naming the row, nothing written).

setUpTestDatabase();

/** Posts the file's bytes as they are (a string as UTF-8) with Content-Type text/csv. */
const importCsv = (user: TestUser, csv: string | Uint8Array, query = "?name=Home&timeZone=Europe%2FBerlin") =>
  callRoute(
    importRoute.POST,
    new Request(`${APP_URL}/api/import${query}`, { method: "POST", headers: { authorization: `Bearer ${user.token}`, "content-type": "text/csv" }, body: typeof csv === "string" ? csv : new Uint8Array(csv) }),
  );
const exportOf = async (user: TestUser) => expectJson<ExportDocument>(await callApi("GET", "/api/export", { token: user.token }));

// As Todoist writes it: a byte order mark, CRLF, every column, quoted cells with commas and line breaks.
const HOME_PROJECT = [
  "\uFEFFTYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG",
  "meta,view_style=list,,,,,,,,,,,,",
  "task,Pay rent @bills @Money,,1,1,Ada (1),,2026-12-01,en,America/New_York,,,,",
  "note,Landlord's account changed,,,,,,,,,,,,",
  "task,Water the plants,\"Ferns first, then the rest\",4,1,Ada (1),,every 3 days,en,,,,,",
  ",,,,,,,,,,,,,",
  "section,Kitchen,,,,,,,,,,,,",
  "task,Clean the fridge,,2,1,Ada (1),,2026-12-24,en,,,,2026-12-31,en",
  "task,Throw out old jars @bills,\"line one\nline two\",3,2,Ada (1),,,,,,,,",
  "task,Sort lids,,4,3,Ada (1),,,,,,,,",
].join("\r\n");

describe("importing a Todoist CSV export", () => {
  it("makes the project a list, with its subtasks, labels, priorities, due days, notes and the dates it cannot read", async () => {
    const user = await signUpUser("From Todoist");
    const response = await importCsv(user, HOME_PROJECT);
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await response.json()).toEqual({ imported: { lists: 1, labels: { created: 3, matched: 0 }, tasks: 5, reminders: 0 }, todoist: { datesKept: 1, notes: 1 } });

    const { lists, labels, tasks } = await exportOf(user);
    const home = lists.find((list) => list.name === "Home")!;
    expect(home).toMatchObject({ inbox: false, archived: false });
    expect(labels.map((label) => label.name).sort()).toEqual(["Kitchen", "Money", "bills"]);
    const labelName = new Map(labels.map((label) => [label.id, label.name]));
    const byTitle = new Map(tasks.map((task) => [task.title, task]));
    const view = (title: string) => {
      const task = byTitle.get(title)!;
      expect(task, title).toBeDefined();
      const parent = tasks.find((other) => other.id === task.parentId);
      return { list: task.listId === home.id, parent: parent?.title ?? null, priority: task.priority, dueDate: task.dueDate, labels: task.labelIds.map((id) => labelName.get(id)).sort(), description: task.description };
    };
    // The end of the day in the task's own zone (New York), else in the importer's (Berlin).
    expect(view("Pay rent")).toEqual({ list: true, parent: null, priority: "high", dueDate: "2026-12-01", labels: ["Money", "bills"], description: "Note: Landlord's account changed" });
    expect(view("Water the plants")).toEqual({ list: true, parent: null, priority: "low", dueDate: null, labels: [], description: "Ferns first, then the rest\n\nDue (from Todoist): every 3 days" });
    expect(view("Clean the fridge")).toEqual({ list: true, parent: null, priority: "medium", dueDate: "2026-12-24", labels: ["Kitchen"], description: "Deadline (from Todoist): 2026-12-31" });
    expect(view("Throw out old jars")).toEqual({ list: true, parent: "Clean the fridge", priority: "low", dueDate: null, labels: ["Kitchen", "bills"], description: "line one\nline two" });
    expect(view("Sort lids")).toMatchObject({ parent: "Throw out old jars", labels: ["Kitchen"] });
    // The file's order is the list's order.
    const topLevel = tasks.filter((task) => task.listId === home.id && task.parentId === null).sort((a, b) => (a.position < b.position ? -1 : 1));
    expect(topLevel.map((task) => task.title)).toEqual(["Pay rent", "Water the plants", "Clean the fridge"]);
  });

  it("puts a project named Inbox into the Inbox, and keeps an overlong name whole in the description", async () => {
    const user = await signUpUser("Inbox user");
    const long = `${"Remember ".repeat(30)}the milk`;
    const response = await importCsv(user, `TYPE,CONTENT,PRIORITY\ntask,${long},4\n`, "?name=Inbox");
    expect(response.status, await response.clone().text()).toBe(201);
    const { lists, tasks } = await exportOf(user);
    expect(lists).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].listId).toBe(lists[0].id);
    expect(tasks[0].title).toHaveLength(200);
    expect(tasks[0].title.endsWith("…")).toBe(true);
    expect(tasks[0].description).toBe(long);
  });

  it("names each row at fault and imports nothing", async () => {
    const user = await signUpUser("Careful importer");
    const before = await exportOf(user);
    const csv = [
      "TYPE,CONTENT,PRIORITY,INDENT",
      "note,A note with no task above,,",
      "task,Fine,4,1",
      "task,Bad priority,5,1",
      "task,Too deep,4,3",
      "bogus,Something,4,1",
      "task,,4,1",
    ].join("\n");
    const response = await importCsv(user, csv);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.details).toEqual({
      "Row 2": ["A note must follow the task it is about."],
      "Row 4": ["PRIORITY must be 1, 2, 3 or 4 (1 is the highest)."],
      "Row 5": ["INDENT 3 must follow a task at INDENT 2."],
      "Row 6": ['TYPE must be task, section or note, not "bogus".'],
      "Row 7": ["A task needs a name in CONTENT."],
    });
    const tooLong = await importCsv(user, `TYPE,CONTENT,DESCRIPTION\ntask,Fine,\ntask,Long,${"x".repeat(2001)}\n`);
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).error.details).toEqual({ "Row 3": ["Description must be at most 2000 characters."] });
    expect(await exportOf(user)).toEqual({ ...before, exportedAt: expect.any(String) });
  });

  it("answers a file that is not a Todoist CSV with a 4xx saying so", async () => {
    const user = await signUpUser("Wrong file");
    const cases: Array<[string | Uint8Array, number, string]> = [
      ["name,title\nx,y\n", 422, "validation_failed"],
      ["", 422, "validation_failed"],
      ['TYPE,CONTENT\ntask,"unclosed\n', 400, "malformed_csv"],
      ["TYPE,CONTENT\ntask,a\u0000b\n", 400, "nul_character"],
      [new Uint8Array([0x54, 0x59, 0x50, 0x45, 0x2c, 0xff, 0xfe, 0x0a]), 400, "malformed_text"],
    ];
    for (const [csv, status, code] of cases) {
      const response = await importCsv(user, csv);
      expect(response.status, String(csv).slice(0, 30)).toBe(status);
      expect((await response.json()).error.code).toBe(code);
    }
    const xml = await callApi("POST", "/api/import", { token: user.token, body: "<tasks/>", headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
    expect((await exportOf(user)).tasks).toEqual([]);
  });
});

describe("the Todoist CSV reader", () => {
  const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("task", "section", "note", "meta", "", "1", "2", "4", "9", "2026-02-30", "2026-12-24", "every day", "@x", '"', ",", "\n", "Europe/Berlin", "Not/AZone"));
  const file = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }).map((rows) => [["TYPE", "CONTENT", "PRIORITY", "INDENT", "DATE", "TIMEZONE", "DESCRIPTION"], ...rows]);
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

  it("turns any file into a document the import accepts, or a 400 or 422, never anything else", () => {
    fc.assert(
      fc.property(file, fc.boolean(), (rows, quoted) => {
        const text = rows.map((row) => row.map((text) => (quoted ? quote(text) : text)).join(",")).join("\n");
        try {
          const { document } = todoistCsvDocument(text, { listName: "Fuzz" });
          expect(document.tasks.length).toBeLessThanOrEqual(rows.length);
        } catch (error) {
          expect(error).toBeInstanceOf(RequestError);
          expect([400, 422]).toContain((error as RequestError).status);
        }
      }),
      { numRuns: 500 },
    );
  });
});
