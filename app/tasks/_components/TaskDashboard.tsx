"use client";

import { keepPreviousData, useInfiniteQuery, useMutationState, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/error-messages";
import { applyPending, mutationKeys, type TaskUpdateVariables } from "@/lib/client/pending-changes";
import { matchesView } from "@/lib/client/task-cache";
import { taskCountsQuery, taskListQuery } from "@/lib/client/task-queries";
import type { Task, TaskFields } from "@/lib/client/tasks-api";
import { formatCount } from "@/lib/format-count";
import { TASK_STATUSES } from "@/lib/tasks/constants";
import { normalizeSearch, STATUS_LABELS, VIEW_SORTS, viewParsers, type TaskView, type ViewSort } from "@/lib/tasks/view";
import { AddTaskForm } from "./AddTaskForm";
import { shortcutFor, type ShortcutName } from "./shortcuts";
import { TaskList, type FocusRequest } from "./TaskList";
import type { RowActions } from "./TaskRow";
import { UNDO_SECONDS, useTaskMutations } from "./useTaskMutations";

// What only opens on demand (the palette with cmdk, dialogs, the row menu) loads the first time
// it opens, not with the page: the page's first JavaScript stays small.
const CommandPalette = dynamic(() => import("./CommandPalette").then((m) => m.CommandPalette), { ssr: false });
const EditTaskDialog = dynamic(() => import("./EditTaskDialog").then((m) => m.EditTaskDialog), { ssr: false });
const RowMenu = dynamic(() => import("./RowMenu").then((m) => m.RowMenu), { ssr: false });
const ShortcutsDialog = dynamic(() => import("./ShortcutsDialog").then((m) => m.ShortcutsDialog), { ssr: false });

/** Search is sent once typing pauses this long; the loaded rows are filtered at once meanwhile. */
const SEARCH_DEBOUNCE_MS = 120;

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

type Notice = { kind: "error"; text: string } | { kind: "hidden"; title: string };

export function TaskDashboard() {
  const [view, setView] = useQueryStates(viewParsers, { history: "push" });
  const [search, setSearch] = useState(view.q);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const [menu, setMenu] = useState<{ task: Task; anchor: HTMLElement } | null>(null);
  const [lastDeleted, setLastDeleted] = useState<Task | null>(null);
  const [dialog, setDialog] = useState<"help" | "palette" | null>(null);
  const [controlsOpen, setControlsOpen] = useState(false);

  // The search box follows the URL (Back, Forward, a shared link) and the URL follows typing.
  const sentQ = useRef(view.q);
  useEffect(() => {
    if (view.q === sentQ.current) return;
    sentQ.current = view.q;
    setSearch(view.q);
  }, [view.q]);
  useEffect(() => {
    if (search === sentQ.current) return;
    const timer = setTimeout(() => {
      sentQ.current = search;
      void setView({ q: search || null }, { history: "replace" });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, setView]);

  const list = useInfiniteQuery({
    ...taskListQuery(view),
    // While a new search is on its way, the previous results stay and are filtered by what is typed.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2] as TaskView | undefined;
      return before && before.status === view.status && before.sort === view.sort ? previous : undefined;
    },
  });
  const counts = useQuery({ ...taskCountsQuery(view.q), placeholderData: keepPreviousData });

  const creates = useMutationState({ filters: { mutationKey: mutationKeys.create, status: "pending" }, select: (m) => m.state.variables as Task });
  const updates = useMutationState({ filters: { mutationKey: mutationKeys.update, status: "pending" }, select: (m) => m.state.variables as TaskUpdateVariables });
  const deleting = useMutationState({ filters: { mutationKey: mutationKeys.delete, status: "pending" }, select: (m) => (m.state.variables as { task: Task }).task.id });

  const saving = useMemo(() => new Set([...creates.map((task) => task.id), ...updates.map((update) => update.id)]), [creates, updates]);
  // A create or an edit the server has not confirmed would be lost with the page (a delete waiting
  // out its undo time is sent on pagehide instead): while there is one, the browser asks first.
  const unsaved = saving.size > 0;
  useEffect(() => {
    if (!unsaved) return;
    const askFirst = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", askFirst);
    return () => window.removeEventListener("beforeunload", askFirst);
  }, [unsaved]);

  const confirmed = useMemo(() => list.data?.pages.flatMap((page) => page.tasks) ?? [], [list.data]);
  const typedQ = normalizeSearch(search);
  const tasks = useMemo(() => {
    const shown = applyPending(confirmed, view, { creates, updates, deletes: new Set(deleting) });
    const typedView = { ...view, q: typedQ };
    return typedQ === view.q && !list.isPlaceholderData ? shown : shown.filter((task) => matchesView(task, typedView));
  }, [confirmed, view, creates, updates, deleting, typedQ, list.isPlaceholderData]);

  const onError = useCallback((error: unknown) => setNotice({ kind: "error", text: `${errorMessage(error)} Your change was not saved.` }), []);
  const mutations = useTaskMutations(onError);

  const focusTask = useCallback((taskId: string) => {
    setActiveId(taskId);
    setFocusRequest((previous) => ({ taskId, seq: (previous?.seq ?? 0) + 1 }));
  }, []);
  const focusNewTask = () => document.getElementById("new-task")?.focus();

  /** Where focus goes when a task leaves the view: the next row, else the previous, else the form. */
  const focusAfterLeaving = (task: Task) => {
    const index = tasks.findIndex((t) => t.id === task.id);
    const neighbour = tasks[index + 1] ?? tasks[index - 1];
    if (neighbour) focusTask(neighbour.id);
    else focusNewTask();
  };

  const handlers = {
    toggle: (task: Task) => {
      const completed = !task.completed;
      mutations.update(task.id, { completed });
      setAnnouncement(`${completed ? "Completed" : "Reopened"} “${task.title}”.`);
      if (!matchesView({ ...task, completed }, view) && document.activeElement?.closest(`[data-task-id="${task.id}"]`)) focusAfterLeaving(task);
    },
    edit: (task: Task) => setEditing(task),
    remove: (task: Task) => {
      const inList = document.activeElement?.closest(`[data-task-id="${task.id}"]`);
      mutations.remove(task);
      setLastDeleted(task);
      setAnnouncement(`Deleted “${task.title}”. Press Z or Undo within ${UNDO_SECONDS} seconds to bring it back.`);
      if (inList || menu) focusAfterLeaving(task);
    },
    openMenu: (task: Task, anchor: HTMLElement) => setMenu({ task, anchor }),
    focus: (taskId: string) => setActiveId(taskId),
  };
  // Rows get one stable set of actions (so they need not re-render), which calls the latest handlers.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const actions = useMemo<RowActions>(
    () => ({
      toggle: (task) => latest.current.toggle(task),
      edit: (task) => latest.current.edit(task),
      remove: (task) => latest.current.remove(task),
      openMenu: (task, anchor) => latest.current.openMenu(task, anchor),
      focus: (taskId) => latest.current.focus(taskId),
    }),
    [],
  );

  const pendingDelete = lastDeleted && deleting.includes(lastDeleted.id) ? lastDeleted : null;
  const undo = () => {
    if (!pendingDelete) return;
    mutations.undoDelete(pendingDelete.id);
    setAnnouncement(`Restored “${pendingDelete.title}”.`);
    focusTask(pendingDelete.id);
  };

  async function add(fields: Pick<TaskFields, "title" | "priority" | "dueDate">): Promise<boolean> {
    const task = await mutations.add(fields);
    if (!task) return false;
    setAnnouncement(`Added “${task.title}”.`);
    setNotice(matchesView(task, { ...view, q: typedQ }) ? null : { kind: "hidden", title: task.title });
    return true;
  }

  const activeIndex = tasks.findIndex((task) => task.id === activeId);
  const activeTask = tasks[activeIndex] ?? tasks[0];
  const run = (name: ShortcutName) => {
    // Before any row was active, the first move lands on the first row.
    const move = (step: number) => {
      const next = tasks[activeIndex < 0 ? 0 : Math.min(Math.max(activeIndex + step, 0), tasks.length - 1)];
      if (next) focusTask(next.id);
    };
    const commands: Record<ShortcutName, () => void> = {
      newTask: focusNewTask,
      search: () => document.getElementById("search-tasks")?.focus(),
      next: () => move(1),
      previous: () => move(-1),
      complete: () => activeTask && handlers.toggle(activeTask),
      edit: () => activeTask && setEditing(activeTask),
      delete: () => activeTask && handlers.remove(activeTask),
      undo,
      palette: () => setDialog("palette"),
      help: () => setDialog("help"),
    };
    commands[name]();
  };
  const runLatest = useRef(run);
  useLayoutEffect(() => {
    runLatest.current = run;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const name = shortcutFor(event);
      if (!name || event.defaultPrevented || document.querySelector("dialog[open]")) return;
      if (name !== "palette" && isTyping(event.target)) return;
      const inList = event.target instanceof Element && event.target.closest(".task-list") !== null;
      const onRow = event.target instanceof Element && event.target.matches("[data-task-id]");
      // Arrows scroll the page, and Enter presses buttons, except on the list's rows.
      if ((event.key.startsWith("Arrow") && !inList) || (event.key === "Enter" && !onRow)) return;
      event.preventDefault();
      runLatest.current(name);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const setStatus = (status: TaskView["status"]) => void setView({ status: status === "all" ? null : status });
  const total = counts.data?.[view.status];
  const showEmpty = list.data && tasks.length === 0;

  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>Tasks</h1>
        <button className="button small" type="button" onClick={() => setDialog("help")} aria-keyshortcuts="?">
          Shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
      </div>
      <AddTaskForm onAdd={add} />

      <button className="button controls-toggle" type="button" aria-expanded={controlsOpen} aria-controls="task-controls" onClick={() => setControlsOpen((open) => !open)}>
        Filter, search and sort
      </button>
      <div className="toolbar" id="task-controls" data-open={controlsOpen}>
        <div className="filters" role="group" aria-label="Show">
          {TASK_STATUSES.map((status) => (
            <button key={status} type="button" className="button small" aria-pressed={view.status === status} onClick={() => setStatus(status)}>
              {STATUS_LABELS[status]}
              {counts.data && <span className="count">{formatCount(counts.data[status])}</span>}
            </button>
          ))}
        </div>
        <div className="field search">
          <label htmlFor="search-tasks">Search tasks</label>
          <input id="search-tasks" type="search" value={search} aria-keyshortcuts="/" onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="sort-tasks">Sort by</label>
          <select id="sort-tasks" value={view.sort} onChange={(event) => void setView({ sort: event.target.value === "newest" ? null : (event.target.value as ViewSort) })}>
            {Object.entries(VIEW_SORTS).map(([key, option]) => (
              <option key={key} value={key}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div role="alert">
        {notice?.kind === "error" && (
          <p className="alert">
            {notice.text}{" "}
            <button className="button small" type="button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      <div role="status">
        {notice?.kind === "hidden" && (
          <p className="notice">
            Added “{notice.title}”, but this view hides it.{" "}
            <button
              className="button small"
              type="button"
              onClick={() => {
                setNotice(null);
                setSearch("");
                sentQ.current = "";
                void setView({ status: null, q: null });
              }}
            >
              Show all tasks
            </button>
          </p>
        )}
      </div>

      {counts.data && !showEmpty && (
        <p className="summary">
          {view.status === "completed" ? `${plural(counts.data.completed, "task")} completed` : `${plural(counts.data.active, "task")} left`}
          {view.q && ` matching “${view.q}”`}
        </p>
      )}

      {list.isPending && (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading tasks…
          </p>
          {[0, 1, 2].map((i) => (
            <div key={i} className="skeleton" />
          ))}
        </div>
      )}

      {list.isError && !list.data && (
        <div className="alert" role="alert">
          <p>Could not load your tasks. {errorMessage(list.error)}</p>
          <button className="button small" type="button" onClick={() => void list.refetch()}>
            Retry
          </button>
        </div>
      )}

      {showEmpty && (
        <p className="empty">
          {typedQ ? `No tasks match “${typedQ}”.` : view.status === "completed" ? "Nothing completed yet." : view.status === "active" ? "All done. Nice work!" : "No tasks yet. Add your first one above."}
        </p>
      )}
      {tasks.length > 0 && (
        <TaskList
          tasks={tasks}
          saving={saving}
          total={list.hasNextPage ? Math.max(total ?? 0, tasks.length) : tasks.length}
          activeId={activeId}
          focusRequest={focusRequest}
          actions={actions}
          hasNextPage={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={list.fetchNextPage}
        />
      )}

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {/* Not a live region itself: the announcement above already says it, with the Z key. */}
      {pendingDelete && (
        <div className="toast">
          <span>Deleted “{pendingDelete.title}”.</span>
          <button className="button small" type="button" onClick={undo} aria-keyshortcuts="z" aria-label={`Undo delete of ${pendingDelete.title}`}>
            Undo
          </button>
        </div>
      )}

      {editing && (
        <EditTaskDialog
          task={editing}
          onSave={(changes) => {
            mutations.update(editing.id, changes);
            setAnnouncement(`Saved “${changes.title ?? editing.title}”.`);
          }}
          onClose={() => {
            setEditing(null);
            focusTask(editing.id);
          }}
        />
      )}
      {menu && (
        <RowMenu
          anchor={menu.anchor}
          label={`Actions for ${menu.task.title}`}
          onClose={() => setMenu(null)}
          items={[
            { label: menu.task.completed ? "Reopen" : "Complete", run: () => handlers.toggle(menu.task) },
            { label: "Edit", run: () => setEditing(menu.task) },
            { label: "Delete", danger: true, run: () => handlers.remove(menu.task) },
          ]}
        />
      )}
      {dialog === "help" && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === "palette" && (
        <CommandPalette
          onClose={() => setDialog(null)}
          onRun={(name) => {
            setDialog(null);
            run(name);
          }}
          onView={(change) => {
            setDialog(null);
            void setView(change);
          }}
        />
      )}
    </main>
  );
}
