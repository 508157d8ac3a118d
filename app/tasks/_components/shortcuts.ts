// The task page's keyboard shortcuts: one list, read by the key handler and the help dialog.

export const SHORTCUTS = {
  newTask: { keys: ["n"], label: "New task" },
  search: { keys: ["/"], label: "Search" },
  next: { keys: ["j", "ArrowDown"], label: "Next task" },
  previous: { keys: ["k", "ArrowUp"], label: "Previous task" },
  complete: { keys: ["x"], label: "Complete or reopen the task" },
  edit: { keys: ["e", "Enter"], label: "Edit the task" },
  delete: { keys: ["Delete", "#"], label: "Delete the task" },
  undo: { keys: ["z"], label: "Undo the last delete" },
  moveUp: { keys: ["Alt+ArrowUp"], label: "Move the task up (in My order)" },
  moveDown: { keys: ["Alt+ArrowDown"], label: "Move the task down (in My order)" },
  palette: { keys: ["Control+k", "Meta+k"], label: "Command palette" },
  help: { keys: ["?"], label: "Show these shortcuts" },
} as const;

export type ShortcutName = keyof typeof SHORTCUTS;

/** The shortcut a key press means, if any: "Control+k" style names, single characters as typed. */
export function shortcutFor(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): ShortcutName | undefined {
  const pressed = event.altKey
    ? `Alt+${event.key}`
    : event.ctrlKey
      ? `Control+${event.key.toLowerCase()}`
      : event.metaKey
        ? `Meta+${event.key.toLowerCase()}`
        : event.key;
  return (Object.keys(SHORTCUTS) as ShortcutName[]).find((name) => (SHORTCUTS[name].keys as readonly string[]).includes(pressed));
}

/** Keys written for people: "Ctrl K", "↓". */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", Control: "Ctrl", Meta: "⌘", Delete: "Del", Alt: "Alt" };
  return key
    .split("+")
    .map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join(" ");
}
