"use client";

import { Command } from "cmdk";
import { TASK_STATUSES, type TaskStatus } from "@/lib/tasks/constants";
import { STATUS_LABELS, VIEW_SORTS, type ViewSort } from "@/lib/tasks/view";
import { keyLabel, SHORTCUTS, type ShortcutName } from "./shortcuts";
import type { Destination } from "./Sidebar";

// Every command of the page in one searchable list (cmdk: filtering, arrow keys and the dialog's
// focus handling are its job). Loaded on first use, so it costs the page nothing until then.

const ACTIONS: ShortcutName[] = ["newTask", "search", "complete", "edit", "delete", "undo", "help"];

interface Props {
  onClose: () => void;
  onRun: (name: ShortcutName) => void;
  onView: (change: { status: TaskStatus | null } | { sort: ViewSort | null }) => void;
  /** The sorts the current place offers, its default first. */
  sorts: ViewSort[];
  /** The places to go to: Inbox, Today, Upcoming, the lists and the labels. */
  places: { name: string; to: Destination }[];
  onGo: (to: Destination) => void;
}

export function CommandPalette({ onClose, onRun, onView, sorts, places, onGo }: Props) {
  return (
    <Command.Dialog open onOpenChange={(open) => !open && onClose()} label="Command palette" className="palette" overlayClassName="palette-overlay">
      <Command.Input placeholder="Type a command…" aria-label="Command" />
      <Command.List>
        <Command.Empty>No command matches.</Command.Empty>
        <Command.Group heading="Tasks">
          {ACTIONS.map((name) => (
            <Command.Item key={name} onSelect={() => onRun(name)}>
              {SHORTCUTS[name].label}
              <kbd>{keyLabel(SHORTCUTS[name].keys[0])}</kbd>
            </Command.Item>
          ))}
        </Command.Group>
        <Command.Group heading="Go to">
          {places.map((place) => (
            <Command.Item key={JSON.stringify(place.to)} value={`Go to ${place.name} ${JSON.stringify(place.to)}`} onSelect={() => onGo(place.to)}>
              Go to {place.name}
            </Command.Item>
          ))}
        </Command.Group>
        <Command.Group heading="Show">
          {TASK_STATUSES.map((status) => (
            <Command.Item key={status} onSelect={() => onView({ status })}>
              Show {STATUS_LABELS[status].toLowerCase()} tasks
            </Command.Item>
          ))}
        </Command.Group>
        <Command.Group heading="Sort">
          {sorts.map((sort) => (
            <Command.Item key={sort} onSelect={() => onView({ sort: sort === sorts[0] ? null : sort })}>
              Sort by {VIEW_SORTS[sort].label.toLowerCase()}
            </Command.Item>
          ))}
        </Command.Group>
      </Command.List>
    </Command.Dialog>
  );
}
