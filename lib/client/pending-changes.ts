import type { Task, TaskChanges } from "./tasks-api";
import type { ResolvedView } from "@/lib/tasks/view";
import { addsAtEnd, matchesView } from "./task-cache";

// Changes the user made that the server has not confirmed yet, laid over the server's list when
// it is drawn. Because they live beside the cache rather than in it, no response that lands
// meanwhile (an older list, a page loaded late, a refetch) can take them off the screen; once a
// change is confirmed it is in the cache (lib/client/task-cache.ts) and leaves this overlay.

export const mutationKeys = {
  create: ["tasks", "create"] as const,
  update: ["tasks", "update"] as const,
  delete: ["tasks", "delete"] as const,
};

export interface TaskUpdateVariables {
  id: string;
  changes: TaskChanges;
  /** Completing it completes its open subtasks too. */
  completeSubtasks?: boolean;
}

export interface PendingChanges {
  creates: Task[];
  /** In the order the user made them. */
  updates: TaskUpdateVariables[];
  deletes: ReadonlySet<string>;
}

/** What a change still on its way shows: a repeating task's completion leaves it open (the server moves its due on). */
function shownChanges({ occurrence, completed, recurrence, ...changes }: TaskChanges): Partial<Task> {
  return {
    ...changes,
    ...(completed !== undefined && occurrence === undefined && { completed }),
    ...(recurrence !== undefined && { recurrence: recurrence && { rule: recurrence.rule, mode: recurrence.mode ?? "schedule" } }),
  };
}

export function applyPending(confirmed: Task[], view: ResolvedView, pending: PendingChanges): Task[] {
  const { creates, updates, deletes } = pending;
  if (creates.length === 0 && updates.length === 0 && deletes.size === 0) return confirmed;
  const known = new Set(confirmed.map((task) => task.id));
  const added = creates.filter((task) => !known.has(task.id));
  const withUpdates = (task: Task) => updates.reduce((current, update) => (update.id === task.id ? { ...current, ...shownChanges(update.changes) } : current), task);
  const all = addsAtEnd(view) ? [...confirmed, ...added] : [...added.reverse(), ...confirmed]; // newest on top
  return moveByAfter(all, updates).flatMap((task) => {
    if (deletes.has(task.id)) return [];
    const shown = updates.some((update) => update.id === task.id) ? withUpdates(task) : task;
    // A confirmed task nobody is changing stays where the server put it; the rest must fit the view.
    if (shown === task && known.has(task.id)) return [task];
    return matchesView(shown, view) ? [shown] : [];
  });
}

/** The tasks with every pending move (`after`) done, in the order they were made. */
function moveByAfter(tasks: Task[], updates: TaskUpdateVariables[]): Task[] {
  let order = tasks;
  for (const { id, changes } of updates) {
    if (changes.after === undefined) continue;
    const moving = order.find((task) => task.id === id);
    if (!moving) continue;
    const rest = order.filter((task) => task.id !== id);
    const at = changes.after === null ? 0 : rest.findIndex((task) => task.id === changes.after) + 1;
    if (changes.after !== null && at === 0) continue; // its new neighbour is not in this view
    order = [...rest.slice(0, at), moving, ...rest.slice(at)];
  }
  return order;
}
