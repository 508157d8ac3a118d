import { describeChange as describeTaskChange, fieldsInWords } from "../client/describe-change";
import type { ChangeEntry } from "./service";

// A change of any kind in a line, naming what it changed: the settings page's revert preview.
// A task's change reads as in its history (lib/client/describe-change.ts).

const KINDS = { task: "Task", list: "List", label: "Label", task_label: "Task" } as const;

/** "Task “Buy milk”: Renamed from “Milk” to “Buy milk”", "List “Work” created", "Label “Home”: name, color changed". */
export function describeChange(change: ChangeEntry, names: Record<string, string>): string {
  const subject = `${KINDS[change.entity]} “${names[change.entityId] ?? "(unnamed)"}”`;
  if (change.entity === "task" || change.entity === "task_label") {
    const name = (id: string) => names[id];
    return `${subject}: ${describeTaskChange(change, { list: name, label: name, day: (day) => day, moment: (iso) => `${iso.slice(0, 16).replace("T", " ")} UTC` })}`;
  }
  if (change.op === "create") return `${subject} created`;
  if (change.op === "delete") return `${subject} deleted`;
  return `${subject}: ${fieldsInWords(Object.keys(change.after ?? {}))} changed`;
}
