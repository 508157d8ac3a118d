import { PRIORITIES, type Priority } from "@/lib/tasks/constants";

export const priorityLabel = (priority: Priority) => priority[0].toUpperCase() + priority.slice(1);

export function PrioritySelect({ id, value, onChange }: { id: string; value: Priority; onChange: (priority: Priority) => void }) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value as Priority)}>
      {PRIORITIES.map((priority) => (
        <option key={priority} value={priority}>
          {priorityLabel(priority)}
        </option>
      ))}
    </select>
  );
}
