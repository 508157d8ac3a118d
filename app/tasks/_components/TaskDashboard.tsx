"use client";

import { useEffect, useMemo, useState } from "react";
import type { TaskQuery } from "@/lib/client/tasks-api";
import { AddTaskForm } from "./AddTaskForm";
import { AppHeader } from "./AppHeader";
import { TaskItem } from "./TaskItem";
import { UNDO_SECONDS, useTaskList } from "./useTaskList";

const FILTERS = [
  { status: "all", label: "All" },
  { status: "active", label: "Active" },
  { status: "completed", label: "Completed" },
] as const;

const SORTS = {
  newest: { sort: "createdAt", order: "desc", label: "Newest first" },
  oldest: { sort: "createdAt", order: "asc", label: "Oldest first" },
  due: { sort: "dueDate", order: "asc", label: "Due date" },
  priority: { sort: "priority", order: "desc", label: "Priority" },
  title: { sort: "title", order: "asc", label: "Title (A to Z)" },
} as const;
type SortKey = keyof typeof SORTS;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function TaskDashboard({ user }: { user: { name: string; email: string } }) {
  const [status, setStatus] = useState<TaskQuery["status"]>("all");
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [sortKey, setSortKey] = useState<SortKey>("newest");

  useEffect(() => {
    const timer = setTimeout(() => setQ(search), 250); // search once typing pauses
    return () => clearTimeout(timer);
  }, [search]);

  const query = useMemo<TaskQuery>(() => ({ status, q, sort: SORTS[sortKey].sort, order: SORTS[sortKey].order }), [status, q, sortKey]);
  const list = useTaskList(query);
  // A task toggled out of the current filter leaves the view at once.
  const visible = list.tasks.filter((t) => status === "all" || t.completed === (status === "completed"));
  const left = list.tasks.filter((t) => !t.completed).length;

  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page">
        <h1>Tasks</h1>
        <AddTaskForm onAdd={list.add} />

        <div className="toolbar">
          <div className="filters" role="group" aria-label="Show">
            {FILTERS.map((filter) => (
              <button key={filter.status} type="button" className="button small" aria-pressed={status === filter.status} onClick={() => setStatus(filter.status)}>
                {filter.label}
              </button>
            ))}
          </div>
          <div className="field search">
            <label htmlFor="search-tasks">Search tasks</label>
            <input id="search-tasks" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="sort-tasks">Sort by</label>
            <select id="sort-tasks" value={sortKey} onChange={(event) => setSortKey(event.target.value as SortKey)}>
              {Object.entries(SORTS).map(([key, option]) => (
                <option key={key} value={key}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        </div>

        <div role="alert">
          {list.notice?.kind === "error" && (
            <p className="alert">
              {list.notice.text}{" "}
              <button className="button small" type="button" onClick={() => list.setNotice(null)}>
                Dismiss
              </button>
            </p>
          )}
        </div>

        {list.status === "ready" && status !== "completed" && list.tasks.length > 0 && (
          <p className="summary" aria-live="polite">
            {list.nextCursor ? `At least ${plural(left, "task")} left` : `${plural(left, "task")} left`}
          </p>
        )}

        {list.status === "loading" && (
          <div aria-busy="true">
            <p className="visually-hidden" role="status">
              Loading tasks…
            </p>
            <div className="task-list">
              {[0, 1, 2].map((i) => (
                <div key={i} className="skeleton" />
              ))}
            </div>
          </div>
        )}

        {list.status === "error" && (
          <div className="alert" role="alert">
            <p>Could not load your tasks. {list.loadError}</p>
            <button className="button small" type="button" onClick={list.retry}>
              Retry
            </button>
          </div>
        )}

        {list.status === "ready" &&
          (visible.length === 0 ? (
            <p className="empty">
              {q ? `No tasks match “${q}”.` : status === "completed" ? "Nothing completed yet." : status === "active" ? "All done. Nice work!" : "No tasks yet. Add your first one above."}
            </p>
          ) : (
            <ul className="task-list" aria-label="Your tasks">
              {visible.map((task) => (
                <TaskItem key={task.id} task={task} onToggle={list.toggle} onSave={list.update} onDelete={list.remove} />
              ))}
            </ul>
          ))}

        {list.status === "ready" && list.nextCursor && (
          <p>
            <button className="button" type="button" onClick={list.loadMore}>
              Load more tasks
            </button>
          </p>
        )}
      </main>

      <div role="status" aria-live="polite">
        {list.pendingDelete && (
          <div className="toast">
            <span>Deleted “{list.pendingDelete.task.title}”.</span>
            <button className="button small" type="button" onClick={list.undoDelete} aria-label={`Undo delete of ${list.pendingDelete.task.title}`}>
              Undo
            </button>
            <span className="visually-hidden">You have {UNDO_SECONDS} seconds to undo.</span>
          </div>
        )}
      </div>
    </>
  );
}
