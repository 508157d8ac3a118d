"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { TITLE_MAX } from "@/lib/tasks/constants";
import { FormButtons, FormError, TextField, useModal } from "./form-parts";

// Small questions the page asks: a subtask's title, whether completing a task completes its open
// subtasks, and yes-or-no confirmations (emptying the trash, an undo that overwrites).

export function SubtaskDialog({ parentTitle, onAdd, onClose }: { parentTitle: string; onAdd: (title: string) => void; onClose: () => void }) {
  const { ref: dialogRef, id: dialogId, headingId, close } = useModal();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError("Type what the subtask is first.");
    onAdd(title.trim());
    close();
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <form className="edit-form" onSubmit={onSubmit} noValidate>
        <h2 id={headingId}>Add a subtask to “{parentTitle}”</h2>
        <TextField id={`${dialogId}-title`} label="Subtask" value={title} onChange={setTitle} maxLength={TITLE_MAX} autoFocus error={error} />
        <FormError id={`${dialogId}-title-error`} error={error} />
        <FormButtons submit="Add subtask" onCancel={close} />
      </form>
    </dialog>
  );
}

export function CompleteSubtasksDialog({ title, open, onChoose, onClose }: { title: string; open: number; onChoose: (withSubtasks: boolean) => void; onClose: () => void }) {
  const { ref: dialogRef, id: dialogId, headingId, close } = useModal();
  const choose = (withSubtasks: boolean) => {
    onChoose(withSubtasks);
    close();
  };
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={headingId} aria-describedby={`${dialogId}-text`} onClose={onClose}>
      <h2 id={headingId}>Complete “{title}”?</h2>
      <p id={`${dialogId}-text`}>It has {open === 1 ? "1 open subtask" : `${open} open subtasks`}.</p>
      <div className="row">
        <button className="button primary" type="button" autoFocus onClick={() => choose(true)}>
          Complete all
        </button>
        <button className="button" type="button" onClick={() => choose(false)}>
          Only this task
        </button>
        <button className="button" type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** A yes-or-no question; the safe answer (Cancel) has focus. */
export function ConfirmDialog({ title, text, confirm, onConfirm, onClose }: { title: string; text: string; confirm: string; onConfirm: () => void; onClose: () => void }) {
  const { ref: dialogRef, id: dialogId, headingId, close } = useModal();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // After useModal's showModal(), which moves focus itself: React's autoFocus runs before it.
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={headingId} aria-describedby={`${dialogId}-text`} onClose={onClose}>
      <h2 id={headingId}>{title}</h2>
      <p id={`${dialogId}-text`}>{text}</p>
      <div className="row">
        <button
          className="button danger"
          type="button"
          onClick={() => {
            onConfirm();
            close();
          }}
        >
          {confirm}
        </button>
        <button ref={cancelRef} className="button" type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
