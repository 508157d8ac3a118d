import type { ChangeEntry } from "./service";

// A change in a few plain words, for people: the settings page's revert preview.

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  description: "description",
  completed: "done",
  priority: "priority",
  dueDate: "due date",
  listId: "list",
  parentId: "parent task",
  position: "place in the order",
  name: "name",
  color: "colour",
  archived: "archived",
};

const KINDS = { task: "Task", list: "List", label: "Label", task_label: "Task" } as const;

/** "Task “Buy milk”: title, due date changed", "List “Work” deleted", "Task “Buy milk”: label “Home” added". */
export function describeChange(change: ChangeEntry, names: Record<string, string>): string {
  const subject = `${KINDS[change.entity]} “${names[change.entityId] ?? "(unnamed)"}”`;
  if (change.entity === "task_label") {
    const labelId = String((change.after ?? change.before)?.labelId);
    return `${subject}: label “${names[labelId] ?? "a deleted label"}” ${change.op === "create" ? "added" : "removed"}`;
  }
  if (change.op === "create") return `${subject} created`;
  if (change.op === "delete") return `${subject} deleted for good`;
  if (change.after && "deletedAt" in change.after) return `${subject} ${change.after.deletedAt === null ? "restored from" : "moved to"} the trash`;
  const fields = Object.keys(change.after ?? {}).map((field) => FIELD_NAMES[field] ?? field);
  return `${subject}: ${fields.join(", ")} changed`;
}
