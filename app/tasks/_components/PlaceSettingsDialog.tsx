"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { COLORS, type Color } from "@/lib/colors";
import { errorMessage } from "@/lib/client/error-messages";
import * as api from "@/lib/client/tasks-api";
import type { Label, List } from "@/lib/client/tasks-api";
import { LABEL_NAME_MAX } from "@/lib/labels/constants";
import { LIST_NAME_MAX } from "@/lib/lists/constants";
import { taskKeys } from "@/lib/tasks/view";
import { FormButtons, FormError, TextField, useModal } from "./form-parts";

type Props = { onClose: () => void; onDeleted: () => void } & ({ kind: "list"; item: List; lists: List[] } | { kind: "label"; item: Label });

// A list's or a label's settings: name and colour; a list can also be archived (kept, out of the
// sidebar, closed to new tasks) or deleted, and deleting asks what happens to its tasks.
export function PlaceSettingsDialog(props: Props) {
  const { kind, item, onClose, onDeleted } = props;
  const client = useQueryClient();
  const { ref: dialogRef, id, headingId, close } = useModal();
  const [name, setName] = useState(item.name);
  const [color, setColor] = useState<Color>(item.color);
  const [tasksGo, setTasksGo] = useState<"inbox" | "delete">("inbox");
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isInbox = kind === "list" && item.inbox;
  const noun = kind === "list" ? "list" : "label";

  /** Runs a change, then reads lists, labels and the task views they touch again. */
  async function run(change: () => Promise<unknown>, after: () => void) {
    setBusy(true);
    setError(null);
    try {
      await change();
      await client.invalidateQueries({ queryKey: taskKeys.all });
      after();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(`Give the ${noun} a name.`);
    const changes = { ...(name.trim() !== item.name ? { name: name.trim() } : {}), ...(color !== item.color ? { color } : {}) };
    if (Object.keys(changes).length === 0) return close();
    void run(() => (kind === "list" ? api.updateList(item.id, changes) : api.updateLabel(item.id, changes)), () => close());
  }

  const remove = () =>
    run(
      () => (kind === "list" ? api.deleteList(item.id, tasksGo) : api.deleteLabel(item.id)),
      () => {
        onDeleted();
        close();
      },
    );

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <form className="edit-form" onSubmit={onSave} noValidate>
        <h2 id={headingId}>{kind === "list" ? "List settings" : "Label settings"}</h2>
        <TextField
          id={`${id}-name`}
          label="Name"
          value={name}
          onChange={setName}
          maxLength={kind === "list" ? LIST_NAME_MAX : LABEL_NAME_MAX}
          disabled={isInbox}
          error={error}
          hint={isInbox ? "Your Inbox keeps its name and cannot be archived or deleted." : undefined}
        />
        <div className="field">
          <label htmlFor={`${id}-color`}>Colour</label>
          <select id={`${id}-color`} value={color} onChange={(event) => setColor(event.target.value as Color)}>
            {COLORS.map((option) => (
              <option key={option} value={option}>
                {option[0].toUpperCase() + option.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <FormError id={`${id}-name-error`} error={error} />
        <FormButtons submit="Save" busy={busy} onCancel={close} />
        {props.kind === "list" && !isInbox && (
          <div className="row">
            <ListMoves list={props.item} lists={props.lists} busy={busy} onMove={(after) => void run(() => api.updateList(item.id, { after }), () => undefined)} />
            <button className="button" type="button" disabled={busy} onClick={() => void run(() => api.updateList(item.id, { archived: !props.item.archived }), () => close())}>
              {props.item.archived ? "Restore list" : "Archive list"}
            </button>
          </div>
        )}
        {!isInbox &&
          (confirmingDelete ? (
            <fieldset className="danger-zone">
              <legend>Delete “{item.name}”?</legend>
              {kind === "list" ? (
                <>
                  <label>
                    <input type="radio" name="tasks" checked={tasksGo === "inbox"} onChange={() => setTasksGo("inbox")} /> Move its tasks to the Inbox
                  </label>
                  <label>
                    <input type="radio" name="tasks" checked={tasksGo === "delete"} onChange={() => setTasksGo("delete")} /> Delete its tasks too
                  </label>
                </>
              ) : (
                <p className="hint">The label comes off its tasks; the tasks stay.</p>
              )}
              <div className="row">
                <button className="button danger" type="button" disabled={busy} onClick={() => void remove()}>
                  Delete {noun}
                </button>
                <button className="button" type="button" onClick={() => setConfirmingDelete(false)}>
                  Keep it
                </button>
              </div>
            </fieldset>
          ) : (
            <div className="row">
              <button className="button danger" type="button" onClick={() => setConfirmingDelete(true)}>
                Delete {noun}…
              </button>
            </div>
          ))}
      </form>
    </dialog>
  );
}

/** Up and down among the lists in the sidebar (the Inbox always leads): `after` is the list to follow, null for first. */
function ListMoves({ list, lists, busy, onMove }: { list: List; lists: List[]; busy: boolean; onMove: (after: string | null) => void }) {
  const others = lists.filter((l) => !l.inbox && !l.archived);
  const at = others.findIndex((l) => l.id === list.id);
  if (at < 0) return null;
  return (
    <>
      <button className="button" type="button" disabled={busy || at === 0} onClick={() => onMove(at >= 2 ? others[at - 2].id : null)}>
        Move list up
      </button>
      <button className="button" type="button" disabled={busy || at === others.length - 1} onClick={() => onMove(others[at + 1].id)}>
        Move list down
      </button>
    </>
  );
}
