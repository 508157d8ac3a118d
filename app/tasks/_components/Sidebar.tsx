"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from "react";
import { errorMessage } from "@/lib/client/error-messages";
import * as api from "@/lib/client/tasks-api";
import { formatCount } from "@/lib/format-count";
import { LABEL_NAME_MAX } from "@/lib/labels/constants";
import { LIST_NAME_MAX } from "@/lib/lists/constants";
import type { PageViewName, Place } from "@/lib/tasks/view";
import { FormError, TextField } from "./form-parts";
import { useOrganize } from "./useOrganize";

/** A place the sidebar leads to, as the URL names it. */
export type Destination = { list?: string; label?: string; view?: PageViewName };

export function destinationHref(to: Destination): string {
  const params = new URLSearchParams(Object.entries(to).filter(([, value]) => value) as [string, string][]);
  return params.size ? `/tasks?${params}` : "/tasks";
}

interface Props {
  place: Place;
  /** On a phone the sidebar is a drawer: open or not. */
  open: boolean;
  onClose: () => void;
  onGo: (to: Destination) => void;
}

// The places: Inbox, Today, Upcoming, then the lists and labels with their open tasks, and the Trash. Each is a
// real link (open in a new tab works); a plain click changes the view without a page load.
export function Sidebar({ place, open, onClose, onGo }: Props) {
  const { lists, labels, inboxId } = useOrganize();
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    nav.current?.querySelector<HTMLElement>("a[aria-current=page], a")?.focus();
    const onKeyDown = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open, onClose]);

  const current = (to: Destination) =>
    to.view ? place.kind === to.view : to.label ? place.kind === "label" && place.labelId === to.label : place.kind === "list" && place.listId === (to.list ?? inboxId);
  const link = (to: Destination, text: string, extra?: { count?: number; color?: string }) => (
    <a
      href={destinationHref(to)}
      aria-current={current(to) ? "page" : undefined}
      onClick={(event: MouseEvent) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onGo(to);
      }}
    >
      {extra?.color && <span className="dot" data-color={extra.color} aria-hidden="true" />}
      <span className="name">{text}</span>
      {extra?.count !== undefined && extra.count > 0 && (
        <span className="count">
          {formatCount(extra.count)}
          <span className="visually-hidden"> open</span>
        </span>
      )}
    </a>
  );

  const inbox = lists.find((list) => list.inbox);
  const active = lists.filter((list) => !list.inbox && !list.archived);
  const archived = lists.filter((list) => list.archived);
  return (
    <>
      {open && <div className="drawer-backdrop" onClick={onClose} aria-hidden="true" />}
      <nav ref={nav} id="sidebar" className="sidebar" data-open={open} aria-label="Lists and labels">
        <ul>
          <li>{link({}, "Inbox", { count: inbox?.openTasks })}</li>
          <li>{link({ view: "today" }, "Today")}</li>
          <li>{link({ view: "upcoming" }, "Upcoming")}</li>
        </ul>
        <h2 id="lists-heading">Lists</h2>
        <ul aria-labelledby="lists-heading">
          {active.map((list) => (
            <li key={list.id}>{link({ list: list.id }, list.name, { count: list.openTasks, color: list.color })}</li>
          ))}
        </ul>
        <NewItemForm kind="list" onCreated={(id) => onGo({ list: id })} />
        {archived.length > 0 && (
          <details>
            <summary>Archived lists ({formatCount(archived.length)})</summary>
            <ul>
              {archived.map((list) => (
                <li key={list.id}>{link({ list: list.id }, list.name, { color: list.color })}</li>
              ))}
            </ul>
          </details>
        )}
        <h2 id="labels-heading">Labels</h2>
        <ul aria-labelledby="labels-heading">
          {labels.map((label) => (
            <li key={label.id}>{link({ label: label.id }, label.name, { count: label.openTasks, color: label.color })}</li>
          ))}
        </ul>
        <NewItemForm kind="label" onCreated={(id) => onGo({ label: id })} />
        <ul className="sidebar-end">
          <li>{link({ view: "trash" }, "Trash")}</li>
        </ul>
      </nav>
    </>
  );
}

/** "New list" / "New label": a button that opens a one-field form in place. */
function NewItemForm({ kind, onCreated }: { kind: "list" | "label"; onCreated: (id: string) => void }) {
  const { refresh } = useOrganize();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(`Give the ${kind} a name.`);
    setBusy(true);
    try {
      const created = kind === "list" ? await api.createList({ name: name.trim() }) : await api.createLabel({ name: name.trim() });
      await refresh();
      setName("");
      setError(null);
      setOpen(false);
      onCreated(created.id);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button className="button small new-item" type="button" onClick={() => setOpen(true)}>
        New {kind}
      </button>
    );
  }
  return (
    <form className="new-item-form" onSubmit={onSubmit} onKeyDown={(event) => event.key === "Escape" && setOpen(false)} noValidate>
      <TextField id={id} label={kind === "list" ? "List name" : "Label name"} value={name} onChange={setName} maxLength={kind === "list" ? LIST_NAME_MAX : LABEL_NAME_MAX} autoFocus error={error} />
      <FormError id={`${id}-error`} error={error} />
      <div className="row">
        <button className="button small primary" type="submit" disabled={busy}>
          Add {kind}
        </button>
        <button className="button small" type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
