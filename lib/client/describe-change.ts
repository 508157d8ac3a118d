import type { ChangeEntry } from "./history-api";

// A task's history in plain words: what a change did ("Renamed from “A” to “B”", "Completed",
// "Moved to the trash") and who did it. The log holds ids and raw fields; the page names them.

export interface ChangeNames {
  list: (id: string) => string | undefined;
  label: (id: string) => string | undefined;
  /** A calendar day (YYYY-MM-DD) as the page writes it. */
  day: (day: string) => string;
  /** A moment (ISO 8601) as the page writes it: its day and time in the user's zone. */
  moment: (iso: string) => string;
}

const FIELD_WORDS: Record<string, string> = {
  title: "title",
  description: "description",
  completed: "done or not",
  priority: "priority",
  dueDate: "due date",
  listId: "list",
  parentId: "parent task",
  position: "place in the order",
};

/** The fields an undo would overwrite (409 changed_since's details.fields), in words. */
export const fieldsInWords = (fields: string[]) => fields.map((field) => FIELD_WORDS[field] ?? field).join(", ");

export function describeChange(change: ChangeEntry, names: ChangeNames): string {
  const before = change.before ?? {};
  const after = change.after ?? {};
  if (change.entity === "task_label") {
    const labelId = String((change.op === "create" ? after : before).labelId);
    return `Label ${names.label(labelId) ?? "(deleted since)"} ${change.op === "create" ? "added" : "removed"}`;
  }
  if (change.op === "create") return "Created";
  if (change.op === "delete") return "Deleted for good";
  if ("deletedAt" in after) return after.deletedAt === null ? "Restored" : "Moved to the trash";
  const parts: string[] = [];
  if ("title" in after) parts.push(`Renamed from “${String(before.title)}” to “${String(after.title)}”`);
  if ("completed" in after) parts.push(after.completed ? "Completed" : "Reopened");
  if ("priority" in after) parts.push(`Priority: ${String(before.priority)} → ${String(after.priority)}`);
  parts.push(...describeDue(after, names));
  if ("completedOccurrence" in after && after.completedOccurrence) parts.unshift(`Completed the one due ${occurrenceInWords(String(after.completedOccurrence), names)}`);
  if ("description" in after) parts.push(after.description ? "Description changed" : "Description removed");
  if ("listId" in after) parts.push(`Moved to ${names.list(String(after.listId)) ?? "a list deleted since"}`);
  if ("parentId" in after) parts.push(after.parentId === null ? "Moved to the top level" : "Moved under another task");
  if (parts.length === 0 && "position" in after) parts.push("Moved in the order");
  return parts.join("; ") || "Changed";
}

/** A change of due: to a whole day, to a moment, or none; a log entry from before whole days and moments holds an instant in dueDate. */
function describeDue(after: Record<string, unknown>, names: ChangeNames): string[] {
  if (!("dueDate" in after || "dueAt" in after)) return [];
  if (typeof after.dueAt === "string") return [`Due ${names.moment(after.dueAt)}`];
  if (typeof after.dueDate === "string") return [`Due ${occurrenceInWords(after.dueDate, names)}`];
  return ["Due date removed"];
}

/** An occurrence of a repeating task (its due day, or moment) in words. */
const occurrenceInWords = (occurrence: string, names: ChangeNames) => (occurrence.includes("T") ? names.moment(occurrence) : names.day(occurrence));

/** Who made it: this session, another one (another device, or another tab's sign-in), or the system (trash expiry). */
export function describeActor(change: ChangeEntry): string {
  if (change.actor === null) return "the system";
  return change.mine ? "this device" : "another device";
}
