"use client";

import { keepPreviousData, useInfiniteQuery, useMutationState, useQueries, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/error-messages";
import { applyPending, mutationKeys, type TaskUpdateVariables } from "@/lib/client/pending-changes";
import { matchesView } from "@/lib/client/task-cache";
import { dueDay } from "@/lib/client/due-dates";
import { describeDay, localDay } from "@/lib/client/relative-date";
import { subtasksQuery, taskCountsQuery, taskListQuery } from "@/lib/client/task-queries";
import type { Task } from "@/lib/client/tasks-api";
import { formatCount } from "@/lib/format-count";
import { SUBTASK_DEPTH_MAX, TASK_STATUSES, type TaskStatus } from "@/lib/tasks/constants";
import { placeSorts, placeStatus, resolveView, STATUS_LABELS, subtasksView, VIEW_SORTS, viewParsers, type Place, type ResolvedView, type ViewSort } from "@/lib/tasks/view";
import { AddTaskForm } from "./AddTaskForm";
import { LoadError, Loading } from "./read-states";
import { Sidebar, type Destination } from "./Sidebar";
import { useTimeZone } from "./TaskPageProviders";
import { shortcutFor, type ShortcutName } from "./shortcuts";
import { TaskList, type FocusRequest } from "./TaskList";
import type { RowActions } from "./TaskRow";
import { useChangesFeed } from "./useChangesFeed";
import { RowPlacesContext, useOrganize } from "./useOrganize";
import { NO_DUE, UNDO_SECONDS, useTaskMutations, type NewTaskFields } from "./useTaskMutations";

// What only opens on demand (the palette with cmdk, dialogs, the row menu) loads the first time
// it opens, not with the page: the page's first JavaScript stays small.
const CommandPalette = dynamic(() => import("./CommandPalette").then((m) => m.CommandPalette), { ssr: false });
const EditTaskDialog = dynamic(() => import("./EditTaskDialog").then((m) => m.EditTaskDialog), { ssr: false });
const RowMenu = dynamic(() => import("./RowMenu").then((m) => m.RowMenu), { ssr: false });

/**
 * The row's menu button as it is now: while the menu's code loads (or any time after), the row
 * can be rendered again (a toggle's answer arriving), and the button clicked is then detached,
 * with no place on screen to open under.
 */
const liveAnchor = ({ task, anchor }: { task: Task; anchor: HTMLElement }) =>
  anchor.isConnected ? anchor : (document.querySelector<HTMLElement>(`[data-menu-of="${CSS.escape(task.id)}"]`) ?? anchor);
const ShortcutsDialog = dynamic(() => import("./ShortcutsDialog").then((m) => m.ShortcutsDialog), { ssr: false });
const SubtaskDialog = dynamic(() => import("./AskDialog").then((m) => m.SubtaskDialog), { ssr: false });
const CompleteSubtasksDialog = dynamic(() => import("./AskDialog").then((m) => m.CompleteSubtasksDialog), { ssr: false });
const HistoryDialog = dynamic(() => import("./HistoryDialog").then((m) => m.HistoryDialog), { ssr: false });
const PlaceSettingsDialog = dynamic(() => import("./PlaceSettingsDialog").then((m) => m.PlaceSettingsDialog), { ssr: false });
// Rendered on the server too (the page can open on the Trash), but loaded apart from the lists' code.
const TrashView = dynamic(() => import("./TrashView").then((m) => m.TrashView));

/** Search is sent once typing pauses this long; the loaded rows are filtered at once meanwhile. */
const SEARCH_DEBOUNCE_MS = 120;

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

type Notice = { kind: "error"; text: string } | { kind: "hidden"; title: string; listId: string };

/** Stable, so that useQueries returns the same array while no read changed. */
const dataOfEach = <T,>(reads: { data: T }[]) => reads.map((read) => read.data);

const samePlace = (a: Place, b: Place) => JSON.stringify(a) === JSON.stringify(b);

/** `feedCursor`: the changes feed as the server read it before the page's data (useChangesFeed). */
export function TaskDashboard({ feedCursor }: { feedCursor: string }) {
  const [view, setView] = useQueryStates(viewParsers, { history: "push" });
  const [search, setSearch] = useState(view.q);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const [historyOf, setHistoryOf] = useState<Task | null>(null);
  const [menu, setMenu] = useState<{ task: Task; anchor: HTMLElement } | null>(null);
  const [lastDeleted, setLastDeleted] = useState<Task | null>(null);
  const [dialog, setDialog] = useState<"help" | "palette" | "place" | null>(null);
  const [controlsOpen, setControlsOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [addingSubtaskTo, setAddingSubtaskTo] = useState<Task | null>(null);
  const [completing, setCompleting] = useState<Task | null>(null);
  const organize = useOrganize();
  useChangesFeed(feedCursor);
  const timeZone = useTimeZone();
  // Today's date there, only where a view needs it: reading it builds an Intl formatter, which the
  // page's hydration otherwise never pays for.
  const today = view.view ? localDay(new Date(), timeZone) : "";
  const context = useMemo(() => ({ inboxId: organize.inboxId, timeZone, today }), [organize.inboxId, timeZone, today]);
  const resolved = useMemo(() => resolveView(view, context), [view, context]);
  const inTrash = resolved.place.kind === "trash";

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
    ...taskListQuery(resolved),
    enabled: !inTrash,
    // While a new search is on its way, the previous results stay and are filtered by what is typed.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2] as ResolvedView | undefined;
      if (!before || before.status !== resolved.status) return undefined;
      return resolved.place.kind === "search" || (samePlace(before.place, resolved.place) && before.sort === resolved.sort) ? previous : undefined;
    },
  });
  const counts = useQuery({ ...taskCountsQuery(resolved.place, resolved.q), placeholderData: keepPreviousData, enabled: !inTrash });

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
  // What is typed in the search box, as a view: shown at once over the rows already loaded.
  const typedView = useMemo(() => resolveView({ ...view, q: search }, context), [view, search, context]);
  const typedQ = typedView.q;
  const topTasks = useMemo(() => {
    const shown = applyPending(confirmed, resolved, { creates, updates, deletes: new Set(deleting) });
    return typedQ === resolved.q && !list.isPlaceholderData ? shown : shown.filter((task) => matchesView(task, typedView));
  }, [confirmed, resolved, creates, updates, deleting, typedQ, typedView, list.isPlaceholderData]);

  // In a list, a parent's subtasks open under it (each parent's read on first opening).
  const inList = resolved.place.kind === "list" && typedQ === resolved.q;
  const openParents = useMemo(() => (inList ? [...expanded] : []), [inList, expanded]);
  const subtaskPages = useQueries({ queries: openParents.map((parentId) => subtasksQuery(parentId)), combine: dataOfEach });
  const { tasks, depths } = useMemo(() => {
    if (openParents.length === 0) return { tasks: topTasks, depths: undefined };
    const pending = { creates, updates, deletes: new Set(deleting) };
    const children = new Map(
      openParents.map((parentId, i) => [parentId, applyPending(subtaskPages[i]?.pages.flatMap((page) => page.tasks) ?? [], subtasksView(parentId), pending)]),
    );
    const flat: Task[] = [];
    const depthOf = new Map<string, number>();
    const visit = (task: Task, depth: number) => {
      flat.push(task);
      depthOf.set(task.id, depth);
      children.get(task.id)?.forEach((child) => visit(child, depth + 1));
    };
    topTasks.forEach((task) => visit(task, 0));
    return { tasks: flat, depths: depthOf };
  }, [topTasks, openParents, creates, updates, deleting, subtaskPages]);
  const expandedOf = useCallback((task: Task) => (inList && (task.subtasks.total > 0 || expanded.has(task.id)) ? expanded.has(task.id) : undefined), [inList, expanded]);
  const rowPlaces = useMemo(
    () => ({ listById: organize.listById, labelById: organize.labelById, showList: resolved.place.kind !== "list" }),
    [organize.listById, organize.labelById, resolved.place.kind],
  );
  const groupByDay = useMemo(
    () => (resolved.place.kind === "upcoming" && resolved.sort === "due" ? (task: Task) => {
            const day = dueDay(task, timeZone);
            return day ? describeDay(day, new Date(), timeZone) : "No date";
          } : undefined),
    [resolved.place.kind, resolved.sort, timeZone],
  );

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

  const siblingsOf = (task: Task) => tasks.filter((t) => t.parentId === task.parentId && t.listId === task.listId);
  const handlers = {
    toggle: (task: Task, completeSubtasks?: boolean) => {
      const completed = !task.completed;
      const openSubtasks = task.subtasks.total - task.subtasks.completed;
      if (completed && openSubtasks > 0 && completeSubtasks === undefined) return setCompleting(task);
      // A repeating task stays open and moves on; the server is told which occurrence this was.
      const repeating = completed && task.recurrence !== null;
      const occurrence = task.dueAt ?? task.dueDate ?? undefined;
      mutations.update(task.id, repeating ? { completed, occurrence } : { completed }, completeSubtasks === true);
      setAnnouncement(repeating ? `Completed “${task.title}”; it repeats, and moves to its next date.` : `${completed ? "Completed" : "Reopened"} “${task.title}”.`);
      if (!repeating && !matchesView({ ...task, completed }, resolved) && document.activeElement?.closest(`[data-task-id="${task.id}"]`)) focusAfterLeaving(task);
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
    toggleSubtasks: (task: Task) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(task.id)) next.add(task.id);
        return next;
      }),
    /** Moves the task one place up or down among its siblings (the tasks under the same parent). */
    move: (task: Task, step: -1 | 1) => {
      const siblings = siblingsOf(task);
      const at = siblings.findIndex((t) => t.id === task.id);
      if (at + step < 0 || at + step >= siblings.length) return setAnnouncement(`“${task.title}” is already ${step < 0 ? "first" : "last"}.`);
      handlers.moveTo(task, siblings[at + step]);
    },
    /** Puts the task where `target` is among their siblings (a drop): before it going up, after it going down. */
    moveTo: (task: Task, target: Task) => {
      if (resolved.sort !== "manual" || !inList) return setAnnouncement("Choose “My order” under Sort by in a list to move tasks.");
      const siblings = siblingsOf(task);
      const from = siblings.findIndex((t) => t.id === task.id);
      const to = siblings.findIndex((t) => t.id === target.id);
      if (from < 0 || to < 0) return setAnnouncement("A task moves among the tasks under the same parent.");
      const rest = siblings.filter((t) => t.id !== task.id);
      const after = to === 0 ? null : rest[to - 1].id;
      mutations.update(task.id, { after });
      setAnnouncement(`Moved “${task.title}” to position ${to + 1} of ${siblings.length}.`);
      focusTask(task.id);
    },
  };
  // Rows get one stable set of actions (so they need not re-render), which calls the latest handlers.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const actions = useMemo<RowActions & { moveTo: (task: Task, target: Task) => void }>(
    () => ({
      toggle: (task) => latest.current.toggle(task),
      edit: (task) => latest.current.edit(task),
      remove: (task) => latest.current.remove(task),
      openMenu: (task, anchor) => latest.current.openMenu(task, anchor),
      focus: (taskId) => latest.current.focus(taskId),
      toggleSubtasks: (task) => latest.current.toggleSubtasks(task),
      moveTo: (task, target) => latest.current.moveTo(task, target),
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

  async function add(fields: NewTaskFields): Promise<boolean> {
    // Added where the user is: into the list shown, with the label shown; else into the Inbox.
    const place = resolved.place;
    const { listId, labelIds = [], ...rest } = fields;
    const task = await mutations.add({
      ...rest,
      listId: listId ?? (place.kind === "list" ? place.listId : organize.inboxId),
      labelIds: place.kind === "label" && !labelIds.includes(place.labelId) ? [place.labelId, ...labelIds] : labelIds,
    });
    if (!task) return false;
    setAnnouncement(`Added “${task.title}”.`);
    setNotice(matchesView(task, typedView) ? null : { kind: "hidden", title: task.title, listId: task.listId });
    return true;
  }

  const closeDrawer = useCallback(() => {
    setDrawerOpen(false);
    document.querySelector<HTMLElement>(".drawer-toggle")?.focus();
  }, []);
  const go = useCallback(
    (to: Destination) => {
      setDrawerOpen(false);
      setSearch("");
      sentQ.current = "";
      setActiveId(null);
      void setView({ list: to.list ?? null, label: to.label ?? null, view: to.view ?? null, q: null, sort: null, status: null });
    },
    [setView],
  );

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
      moveUp: () => activeTask && handlers.move(activeTask, -1),
      moveDown: () => activeTask && handlers.move(activeTask, 1),
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

  const setStatus = (status: TaskStatus) => void setView({ status: status === placeStatus(resolved.place) ? null : status });
  const total = counts.data?.[resolved.status];
  const showEmpty = list.data && tasks.length === 0;
  const place = resolved.place;
  const shownList = place.kind === "list" ? organize.listById.get(place.listId) : undefined;
  const shownLabel = place.kind === "label" ? organize.labelById.get(place.labelId) : undefined;
  const heading =
    place.kind === "search"
      ? "Search"
      : place.kind === "today"
        ? "Today"
        : place.kind === "upcoming"
          ? "Upcoming"
          : place.kind === "trash"
            ? "Trash"
            : (shownList?.name ?? shownLabel?.name ?? (place.kind === "label" ? "Label" : "List"));
  const sorts = placeSorts(place);

  return (
    <div className="workspace">
    <Sidebar place={place} open={drawerOpen} onClose={closeDrawer} onGo={go} />
    <main id="main" className="page">
      <div className="page-heading">
        <button className="button small drawer-toggle" type="button" aria-controls="sidebar" aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)}>
          Lists
        </button>
        <h1>
          {shownList && <span className="dot" data-color={shownList.color} aria-hidden="true" />}
          {heading}
          {shownList?.archived && <span className="hint"> (archived)</span>}
        </h1>
        {(shownList || shownLabel) && (
          <button className="button small place-settings" type="button" onClick={() => setDialog("place")}>
            {shownList ? "List settings" : "Label settings"}
          </button>
        )}
        <button className="button small" type="button" onClick={() => setDialog("help")} aria-keyshortcuts="?">
          Shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
      </div>
      {inTrash ? (
        <TrashView announce={setAnnouncement} />
      ) : (
      <>
      <AddTaskForm onAdd={add} />

      <button className="button controls-toggle" type="button" aria-expanded={controlsOpen} aria-controls="task-controls" onClick={() => setControlsOpen((open) => !open)}>
        Filter, search and sort
      </button>
      <div className="toolbar" id="task-controls" data-open={controlsOpen}>
        <div className="filters" role="group" aria-label="Show">
          {TASK_STATUSES.map((status) => (
            <button key={status} type="button" className="button small" aria-pressed={resolved.status === status} onClick={() => setStatus(status)}>
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
          <select id="sort-tasks" value={resolved.sort} onChange={(event) => void setView({ sort: event.target.value === sorts[0] ? null : (event.target.value as ViewSort) })}>
            {sorts.map((key) => (
              <option key={key} value={key}>
                {VIEW_SORTS[key].label}
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
                go(notice.listId === organize.inboxId ? {} : { list: notice.listId });
              }}
            >
              Show all tasks
            </button>
          </p>
        )}
      </div>

      {counts.data && !showEmpty && (
        <p className="summary">
          {resolved.status === "completed" ? `${plural(counts.data.completed, "task")} completed` : `${plural(counts.data.active, "task")} left`}
          {view.q && ` matching “${view.q}”`}
        </p>
      )}

      {list.isPending && <Loading text="Loading tasks…" rows={3} />}

      {list.isError && !list.data && <LoadError text="Could not load your tasks." error={list.error} onRetry={() => void list.refetch()} />}

      {showEmpty && (
        <p className="empty">
          {typedQ
            ? `No tasks match “${typedQ}”.`
            : resolved.status === "completed"
              ? "Nothing completed yet."
              : place.kind === "today"
                ? "Nothing due today. Enjoy the day."
                : place.kind === "upcoming"
                  ? "Nothing due in the next two weeks."
                  : place.kind === "label"
                    ? "No tasks with this label yet."
                    : resolved.status === "active"
                      ? "All done. Nice work!"
                      : "No tasks yet. Add your first one above."}
        </p>
      )}
      {tasks.length > 0 && (
        <RowPlacesContext value={rowPlaces}>
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
          depths={depths}
          expandedOf={expandedOf}
          groupOf={groupByDay}
          onReorder={resolved.sort === "manual" && inList ? actions.moveTo : undefined}
        />
        </RowPlacesContext>
      )}
      </>
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
          anchor={liveAnchor(menu)}
          label={`Actions for ${menu.task.title}`}
          onClose={() => setMenu(null)}
          items={[
            { label: menu.task.completed ? "Reopen" : "Complete", run: () => handlers.toggle(menu.task) },
            { label: "Edit", run: () => setEditing(menu.task) },
            { label: "History", run: () => setHistoryOf(menu.task) },
            ...(resolved.sort === "manual" && inList
              ? [
                  { label: "Move up", run: () => handlers.move(menu.task, -1) },
                  { label: "Move down", run: () => handlers.move(menu.task, 1) },
                ]
              : []),
            ...((depths?.get(menu.task.id) ?? 0) < SUBTASK_DEPTH_MAX && inList ? [{ label: "Add subtask", run: () => setAddingSubtaskTo(menu.task) }] : []),
            { label: "Delete", danger: true, run: () => handlers.remove(menu.task) },
          ]}
        />
      )}
      {historyOf && (
        <HistoryDialog
          task={historyOf}
          onClose={() => {
            setHistoryOf(null);
            focusTask(historyOf.id);
          }}
        />
      )}
      {dialog === "help" && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {addingSubtaskTo && (
        <SubtaskDialog
          parentTitle={addingSubtaskTo.title}
          onClose={() => {
            focusTask(addingSubtaskTo.id);
            setAddingSubtaskTo(null);
          }}
          onAdd={(title) => {
            const parent = addingSubtaskTo;
            setExpanded((open) => new Set(open).add(parent.id));
            void mutations.add({ title, priority: "medium", ...NO_DUE, listId: parent.listId, labelIds: [], parentId: parent.id });
            setAnnouncement(`Added subtask “${title}” to “${parent.title}”.`);
          }}
        />
      )}
      {completing && (
        <CompleteSubtasksDialog
          title={completing.title}
          open={completing.subtasks.total - completing.subtasks.completed}
          onChoose={(withSubtasks) => handlers.toggle(completing, withSubtasks)}
          onClose={() => {
            focusTask(completing.id);
            setCompleting(null);
          }}
        />
      )}
      {dialog === "place" && (shownList || shownLabel) && (
        <PlaceSettingsDialog
          {...(shownList ? { kind: "list", item: shownList, lists: organize.lists } : { kind: "label", item: shownLabel! })}
          onClose={() => setDialog(null)}
          onDeleted={() => go({})}
        />
      )}
      {dialog === "palette" && (
        <CommandPalette
          onClose={() => setDialog(null)}
          onRun={(name) => {
            setDialog(null);
            run(name);
          }}
          onView={(change) => {
            setDialog(null);
            if ("status" in change && change.status) setStatus(change.status);
            else void setView(change);
          }}
          sorts={sorts}
          places={[
            { name: "Inbox", to: {} },
            { name: "Today", to: { view: "today" } },
            { name: "Upcoming", to: { view: "upcoming" } },
            ...organize.lists.filter((l) => !l.inbox && !l.archived).map((l) => ({ name: l.name, to: { list: l.id } })),
            ...organize.labels.map((l) => ({ name: l.name, to: { label: l.id } })),
            { name: "Trash", to: { view: "trash" } },
          ]}
          onGo={(to) => {
            setDialog(null);
            go(to);
          }}
        />
      )}
    </main>
    </div>
  );
}
