import { parse } from "csv-parse/sync";
import { z } from "zod";
import { parseInput } from "../api/body";
import { RequestError } from "../api/errors";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../export/service";
import { LABEL_NAME_MAX } from "../labels/constants";
import { LIST_NAME_MAX } from "../lists/constants";
import { DUE_DAY_MAX, DUE_DAY_MIN, TITLE_MAX } from "../tasks/constants";
import { importDocumentSchema, type ImportDocument, type todoistExtrasSchema } from "./schemas";

// A project exported from Todoist as CSV (its columns TYPE, CONTENT, DESCRIPTION, PRIORITY,
// INDENT, DATE, TIMEZONE, DEADLINE..., one file per project), turned into a document of our own
// export format, so that it goes through the same checks and the same all-or-nothing import.
// - The project becomes one list, named by the file (the Inbox when it is named "Inbox").
// - A task's "@label" words become labels; a section becomes a label of the tasks under it.
// - PRIORITY 1 is p1, the highest: 1 → high, 2 → medium, 3 and 4 → low (the data keeps three).
// - INDENT makes subtasks: a task at INDENT n belongs to the task above it at INDENT n - 1.
// - DATE as a calendar day ("2026-12-24") is the due date, a whole day. A date Tasks cannot read yet ("every mon") is kept, word for
//   word, in the description, as are deadlines and notes (comments): nothing is dropped silently.
// Every problem is named by the file's row, as a spreadsheet numbers it (the header is row 1).

export const TODOIST_CSV_TYPE = "text/csv";
const REQUIRED_COLUMNS = ["TYPE", "CONTENT"] as const;
const PRIORITY: Record<string, "low" | "medium" | "high"> = { "1": "high", "2": "medium", "3": "low", "4": "low", "": "low" };
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LABEL_WORD = /(^|\s)@([^\s@]+)/gu;

/** What a Todoist file had that Tasks keeps in descriptions: lib/import/schemas.ts. */
export type TodoistExtras = z.output<typeof todoistExtrasSchema>;

type Row = Record<string, string>;
type Problem = { row: number; message: string };

interface DraftTask {
  row: number;
  id: string;
  title: string;
  description: string[];
  priority: "low" | "medium" | "high";
  dueDate: string | null;
  parentId: string | null;
  labelIds: string[];
  indent: number;
}

function fail(problems: Problem[]): never {
  const details: Record<string, string[]> = Object.create(null);
  for (const { row, message } of problems.slice(0, 20)) (details[`Row ${row}`] ??= []).push(message);
  throw new RequestError(422, "validation_failed", `The Todoist file has problems in ${Object.keys(details).join(", ")}.`, details);
}

function readRows(text: string): Row[] {
  try {
    return parse(text, { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toUpperCase()), skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    const where = typeof (error as { lines?: unknown }).lines === "number" ? ` (near line ${(error as { lines: number }).lines})` : "";
    throw new RequestError(400, "malformed_csv", `The file is not valid CSV${where}: ${(error as Error).message.replace(/^Invalid.*?: /, "")}`);
  }
}

/** The day, or null for one that does not exist ("2026-02-30"). */
function realDay(day: string): string | null {
  return z.iso.date().safeParse(day).success && day >= DUE_DAY_MIN && day <= DUE_DAY_MAX ? day : null;
}

/**
 * The document a Todoist CSV export stands for, checked like any import (422 with the rows at
 * fault). `listName`: the project's name (the file's).
 */
export function todoistCsvDocument(text: string, { listName }: { listName: string }): { document: ImportDocument; extras: TodoistExtras } {
  const rows = readRows(text);
  if (rows.length === 0 || !REQUIRED_COLUMNS.every((column) => column in rows[0])) {
    throw new RequestError(422, "validation_failed", "The file is not a Todoist CSV export: its first row must name the columns, TYPE and CONTENT among them.", {
      file: ["The first row must name the columns of a Todoist export: TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, DATE…"],
    });
  }
  const now = new Date().toISOString();
  const name = listName.trim().slice(0, LIST_NAME_MAX) || "Todoist";
  const inbox = name.toLowerCase() === "inbox";
  const labels = new Map<string, { id: string; name: string }>();
  const labelFor = (labelName: string) => {
    const key = labelName.toLowerCase();
    let label = labels.get(key);
    if (!label) labels.set(key, (label = { id: `label-${labels.size + 1}`, name: labelName }));
    return label.id;
  };

  const problems: Problem[] = [];
  const tasks: DraftTask[] = [];
  const extras: TodoistExtras = { datesKept: 0, notes: 0 };
  let section: string | null = null;
  rows.forEach((row, index) => {
    const number = index + 2; // the header is row 1
    const type = (row.TYPE ?? "").trim();
    const content = (row.CONTENT ?? "").trim();
    if (type === "" || type === "meta") return; // blank rows; Todoist's view settings
    if (type === "section") {
      if (content === "") return void problems.push({ row: number, message: "A section needs a name in CONTENT." });
      section = content.slice(0, LABEL_NAME_MAX);
      return;
    }
    if (type === "note") {
      const task = tasks.at(-1);
      if (!task) return void problems.push({ row: number, message: "A note must follow the task it is about." });
      if (content !== "") task.description.push(`Note: ${content}`);
      extras.notes++;
      return;
    }
    if (type !== "task") return void problems.push({ row: number, message: `TYPE must be task, section or note, not "${type.slice(0, 20)}".` });
    if (content === "") return void problems.push({ row: number, message: "A task needs a name in CONTENT." });

    const priority = PRIORITY[(row.PRIORITY ?? "").trim()];
    if (!priority) return void problems.push({ row: number, message: "PRIORITY must be 1, 2, 3 or 4 (1 is the highest)." });
    const indentText = (row.INDENT ?? "").trim() || "1";
    const indent = /^\d{1,2}$/.test(indentText) ? Number(indentText) : 0;
    if (indent < 1) return void problems.push({ row: number, message: "INDENT must be a whole number from 1 (a task) up (2: its subtask, and so on)." });
    const parent = indent === 1 ? null : tasks.findLast((task) => task.indent < indent);
    if (indent > 1 && parent?.indent !== indent - 1) return void problems.push({ row: number, message: `INDENT ${indent} must follow a task at INDENT ${indent - 1}.` });

    const labelIds = new Set<string>();
    const title = content.replace(LABEL_WORD, (_, space: string, label: string) => (labelIds.add(labelFor(label.slice(0, LABEL_NAME_MAX))), space)).replace(/\s+/g, " ").trim() || content;
    if (section) labelIds.add(labelFor(section));
    const description: string[] = [];
    const shortTitle = title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
    if (shortTitle !== title) description.push(title); // the whole name, which the title cannot hold
    if ((row.DESCRIPTION ?? "").trim()) description.push(row.DESCRIPTION.trim());

    const date = (row.DATE ?? "").trim();
    let dueDate: string | null = null;
    if (date !== "") {
      dueDate = CALENDAR_DAY.test(date) ? realDay(date) : null;
      if (dueDate === null) {
        description.push(`Due (from Todoist): ${date}`);
        extras.datesKept++;
      }
    }
    if ((row.DEADLINE ?? "").trim()) description.push(`Deadline (from Todoist): ${row.DEADLINE.trim()}`);
    tasks.push({ row: number, id: `task-${tasks.length + 1}`, title: shortTitle, description, priority, dueDate, parentId: parent?.id ?? null, labelIds: [...labelIds], indent });
  });
  if (problems.length > 0) fail(problems);

  const listId = "list-1";
  const draft = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    lists: [{ id: listId, name: inbox ? "Inbox" : name, color: "grey", inbox, archived: false, position: "a", createdAt: now }],
    labels: [...labels.values()].map((label) => ({ ...label, color: "grey", createdAt: now })),
    tasks: tasks.map((task, index) => ({
      id: task.id,
      title: task.title,
      description: task.description.join("\n\n"),
      completed: false,
      priority: task.priority,
      dueDate: task.dueDate,
      listId,
      parentId: task.parentId,
      position: String(index).padStart(6, "0"),
      labelIds: task.labelIds,
      createdAt: now,
      updatedAt: now,
    })),
  };
  try {
    return { document: parseInput(importDocumentSchema, draft, "The import"), extras };
  } catch (error) {
    if (!(error instanceof RequestError) || !error.details) throw error;
    // "tasks.3.title" → the row of task 3; a label's problem → the first row that names it.
    fail(
      Object.entries(error.details).flatMap(([path, messages]) => {
        const [kind, index] = path.split(".");
        const task = kind === "tasks" ? tasks[Number(index)] : undefined;
        const labelRow = kind === "labels" ? tasks.find((candidate) => candidate.labelIds.includes(draft.labels[Number(index)]?.id))?.row : undefined;
        return messages.map((message) => ({ row: task?.row ?? labelRow ?? 1, message }));
      }),
    );
  }
}
