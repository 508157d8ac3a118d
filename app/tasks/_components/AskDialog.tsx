"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { TITLE_MAX } from "@/lib/tasks/constants";

// Two small questions the page asks in the browser's own modal dialog (focus stays inside,
// Escape cancels): a subtask's title, and whether completing a task completes its open subtasks.

export function SubtaskDialog({ parentTitle, onAdd, onClose }: { parentTitle: string; onAdd: (title: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useEffect(() => dialog.current?.showModal(), []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError("Type what the subtask is first.");
    onAdd(title.trim());
    dialog.current?.close();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      <form className="edit-form" onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-heading`}>Add a subtask to “{parentTitle}”</h2>
        <div className="field">
          <label htmlFor={`${id}-title`}>Subtask</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={TITLE_MAX}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div role="alert" id={`${id}-error`}>
          {error && <span className="alert">{error}</span>}
        </div>
        <div className="row">
          <button className="button primary" type="submit">
            Add subtask
          </button>
          <button className="button" type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function CompleteSubtasksDialog({ title, open, onChoose, onClose }: { title: string; open: number; onChoose: (withSubtasks: boolean) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => dialog.current?.showModal(), []);
  const choose = (withSubtasks: boolean) => {
    onChoose(withSubtasks);
    dialog.current?.close();
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-text`} onClose={onClose}>
      <h2 id={`${id}-heading`}>Complete “{title}”?</h2>
      <p id={`${id}-text`}>
        It has {open === 1 ? "1 open subtask" : `${open} open subtasks`}.
      </p>
      <div className="row">
        <button className="button primary" type="button" autoFocus onClick={() => choose(true)}>
          Complete all
        </button>
        <button className="button" type="button" onClick={() => choose(false)}>
          Only this task
        </button>
        <button className="button" type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
