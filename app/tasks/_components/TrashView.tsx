"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { errorMessage } from "@/lib/client/error-messages";
import { describeDay, fullDate, localDay, timeAgo } from "@/lib/client/relative-date";
import { readAllAgain } from "@/lib/client/task-cache";
import { trashQuery } from "@/lib/client/task-queries";
import { emptyTrash, restoreTask, type TrashedTask } from "@/lib/client/trash-api";
import { formatCount } from "@/lib/format-count";
import { taskKeys } from "@/lib/tasks/view";
import { TRASH_DAYS } from "@/lib/trash/constants";
import { LoadError, Loading } from "./read-states";
import { useTimeZone } from "./TaskPageProviders";

const ConfirmDialog = dynamic(() => import("./AskDialog").then((m) => m.ConfirmDialog), { ssr: false });

// The Trash place: deleted tasks, newest first, each with a Restore, until they are deleted for
// good TRASH_DAYS days later or the trash is emptied. What it says happened goes to the page's
// live region (`announce`); a refusal (its parent is in the trash too...) is shown here.
export function TrashView({ announce }: { announce: (text: string) => void }) {
  const client = useQueryClient();
  const trash = useInfiniteQuery(trashQuery());
  const [error, setError] = useState<string | null>(null);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);

  const restore = useMutation({
    mutationFn: (task: TrashedTask) => restoreTask(task.id),
    onMutate: () => setError(null),
    onSuccess: async (_, task) => {
      announce(`Restored “${task.title}”.`);
      await readAllAgain(client); // back in its list, its counts, out of the trash
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const empty = useMutation({
    mutationFn: emptyTrash,
    onMutate: () => setError(null),
    onSuccess: async ({ deleted }) => {
      announce(`Emptied the trash: ${formatCount(deleted)} ${deleted === 1 ? "task" : "tasks"} deleted for good.`);
      await client.invalidateQueries({ queryKey: taskKeys.trash });
    },
    onError: (failure) => setError(errorMessage(failure)),
  });

  const tasks = trash.data?.pages.flatMap((page) => page.tasks) ?? [];
  return (
    <>
      <div role="alert">
        {error && (
          <p className="alert">
            {error}{" "}
            <button className="button small" type="button" onClick={() => setError(null)}>
              Dismiss
            </button>
          </p>
        )}
      </div>

      {trash.isPending && <Loading text="Loading the trash…" rows={1} />}
      {trash.isError && !trash.data && <LoadError text="Could not load the trash." error={trash.error} onRetry={() => void trash.refetch()} />}
      {trash.data && tasks.length === 0 && <p className="empty">Trash is empty. Deleted tasks stay here for {TRASH_DAYS} days.</p>}

      {tasks.length > 0 && (
        <>
          <div className="trash-actions">
            <p className="hint">Deleted tasks stay here for {TRASH_DAYS} days, then they are deleted for good.</p>
            <button className="button small danger" type="button" disabled={empty.isPending} onClick={() => setConfirmingEmpty(true)}>
              Empty trash
            </button>
          </div>
          <ul className="trash-list" aria-label="Deleted tasks">
            {tasks.map((task) => (
              <TrashItem key={task.id} task={task} busy={restore.isPending && restore.variables?.id === task.id} onRestore={() => restore.mutate(task)} />
            ))}
          </ul>
          {trash.hasNextPage && (
            <button className="button small" type="button" disabled={trash.isFetchingNextPage} onClick={() => void trash.fetchNextPage()}>
              {trash.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          )}
        </>
      )}

      {confirmingEmpty && (
        <ConfirmDialog
          title="Empty the trash?"
          text="Every task in the trash, with its subtasks, is deleted for good. This cannot be undone."
          confirm="Delete for good"
          onConfirm={() => empty.mutate()}
          onClose={() => setConfirmingEmpty(false)}
        />
      )}
    </>
  );
}

function TrashItem({ task, busy, onRestore }: { task: TrashedTask; busy: boolean; onRestore: () => void }) {
  const timeZone = useTimeZone();
  const now = new Date();
  const deletedAt = new Date(task.deletedAt);
  const purgeAt = new Date(task.purgeAt);
  return (
    <li className="trash-item">
      <div className="body">
        <span className="title">{task.title}</span>
        <span className="meta">
          {task.subtaskCount > 0 && <span className="chip">with {task.subtaskCount === 1 ? "1 subtask" : `${formatCount(task.subtaskCount)} subtasks`}</span>}
          <span>
            Deleted{" "}
            {/* Minutes pass between the server's render and the browser's: the words may differ. */}
            <time dateTime={task.deletedAt} title={fullDate(deletedAt, timeZone)} suppressHydrationWarning>
              {timeAgo(deletedAt, now)}
            </time>
          </span>
          <span>
            Deleted for good:{" "}
            <time dateTime={task.purgeAt} title={fullDate(purgeAt, timeZone)}>
              {describeDay(localDay(purgeAt, timeZone), now, timeZone)}
            </time>
          </span>
        </span>
      </div>
      <button className="button small" type="button" disabled={busy} aria-label={`Restore ${task.title}`} onClick={onRestore}>
        Restore
      </button>
    </li>
  );
}
