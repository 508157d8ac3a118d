import { PRIORITIES, type Priority } from "@/lib/tasks/constants";

export const priorityLabel = (priority: Priority) => priority[0].toUpperCase() + priority.slice(1);

export function PrioritySelect({ id, value, onChange, disabled }: { id: string; value: Priority; onChange: (priority: Priority) => void; disabled?: boolean }) {
  return (
    <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as Priority)}>
      {PRIORITIES.map((priority) => (
        <option key={priority} value={priority}>
          {priorityLabel(priority)}
        </option>
      ))}
    </select>
  );
}
