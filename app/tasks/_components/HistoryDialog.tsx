"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeActor, describeChange, fieldsInWords, type ChangeNames } from "@/lib/client/describe-change";
import { errorMessage } from "@/lib/client/error-messages";
import { undoChange, type ChangeEntry } from "@/lib/client/history-api";
import { describeDay, describeMoment, fullDate, timeAgo } from "@/lib/client/relative-date";
import { readAllAgain } from "@/lib/client/task-cache";
import { historyQuery } from "@/lib/client/task-queries";
import { ApiError } from "@/lib/client/tasks-api";
import { ConfirmDialog } from "./AskDialog";
import { useModal } from "./form-parts";
import { useTimeZone } from "./TaskPageProviders";
import { useOrganize } from "./useOrganize";

type Undo = { change: ChangeEntry; what: string; overwrite: boolean };

// A task's history, newest first, each change with an Undo. An undo of a change whose fields
// have changed since is refused (409 changed_since): the dialog asks, and overwrites if told to.
export function HistoryDialog({ task, onClose }: { task: { id: string; title: string }; onClose: () => void }) {
  const { ref: dialogRef, id, headingId, close } = useModal();
  const client = useQueryClient();
  const history = useInfiniteQuery(historyQuery(task.id));
  const { listById, labelById } = useOrganize();
  const timeZone = useTimeZone();
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<(Undo & { fields: string[] }) | null>(null);

  const undo = useMutation({
    mutationFn: ({ change, overwrite }: Undo) => undoChange(change.seq, overwrite),
    onMutate: () => setError(null),
    onSuccess: async (_, { what }) => {
      setStatus(`Undone: ${what}.`);
      await readAllAgain(client); // the task where it shows, its counts, and this history
    },
    onError: (failure, variables) => {
      const fields = failure instanceof ApiError && failure.code === "changed_since" ? failure.details.fields : undefined;
      if (Array.isArray(fields)) return setAsking({ ...variables, fields: fields.map(String) });
      setError(errorMessage(failure));
    },
  });

  const now = new Date();
  const names: ChangeNames = {
    list: (listId) => listById.get(listId)?.name,
    label: (labelId) => labelById.get(labelId)?.name,
    day: (day) => describeDay(day, now, timeZone),
    moment: (iso) => describeMoment(new Date(iso), now, timeZone),
  };
  const changes = history.data?.pages.flatMap((page) => page.changes) ?? [];
  return (
    <>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={headingId} onClose={onClose}>
        <h2 id={headingId}>History of “{task.title}”</h2>
        <p className="visually-hidden" role="status">
          {history.isPending ? "Loading the history…" : status}
        </p>
        <div role="alert" id={`${id}-error`}>
          {error && <p className="alert">{error}</p>}
          {history.isError && !history.data && <p className="alert">Could not load the history. {errorMessage(history.error)}</p>}
        </div>
        {history.data && changes.length === 0 && <p className="hint">No changes recorded for this task yet.</p>}
        {changes.length > 0 && (
          <ol className="history" aria-label="Changes, newest first">
            {changes.map((change) => {
              const what = describeChange(change, names);
              const at = new Date(change.at);
              return (
                <li key={change.seq}>
                  <div className="body">
                    <span className="what">{what}</span>
                    <span className="meta">
                      <span>by {describeActor(change)}</span>
                      <time dateTime={change.at} title={fullDate(at, timeZone)}>
                        {timeAgo(at, now)}
                      </time>
                    </span>
                  </div>
                  <button className="button small" type="button" disabled={undo.isPending} aria-label={`Undo: ${what}`} onClick={() => undo.mutate({ change, what, overwrite: false })}>
                    Undo
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        <div className="row">
          {history.hasNextPage && (
            <button className="button" type="button" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
              {history.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          )}
          <button className="button" type="button" onClick={close}>
            Close
          </button>
        </div>
      </dialog>
      {/* Beside the history, not in it: a nested dialog's close event would reach the history's onClose too. */}
      {asking && (
        <ConfirmDialog
          title="Undo anyway?"
          text={`Changed since then: ${fieldsInWords(asking.fields)}. Undo anyway?`}
          confirm="Undo anyway"
          onConfirm={() => undo.mutate({ ...asking, overwrite: true })}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
