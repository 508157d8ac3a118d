import type { Priority } from "@/lib/tasks/constants";

export type QuickAddSpanKind = "date" | "recurrence" | "list" | "label" | "priority";

/** A recognised part of the text: `text` is `input.slice(start, end)`. */
export type QuickAddSpan = { kind: QuickAddSpanKind; start: number; end: number; text: string };

/** A range of the input the user asked to keep as text (never recognised). */
export type LiteralRange = { start: number; end: number };

/** All-day (the calendar day in the user's zone) or an instant with the zone it was typed in. */
export type QuickAddDue = { date: string } | { at: string; timeZone: string };

/** An RRULE body without DTSTART; "completion" repeats count from each completion (Todoist's `every!`). */
export type QuickAddRecurrence = { rule: string; mode: "schedule" | "completion" };

export type QuickAddOptions = {
  now: Date;
  /** IANA name; an unknown zone is read as UTC. */
  timeZone: string;
  lists: readonly { id: string; name: string }[];
  labels: readonly { id: string; name: string }[];
  literal?: readonly LiteralRange[];
};

export type QuickAddResult = {
  title: string;
  spans: QuickAddSpan[];
  due: QuickAddDue | null;
  recurrence: QuickAddRecurrence | null;
  /** With a repeat, a time of day alone ("every mon at 9am") is kept here, as HH:MM, and `due` stays null. */
  time?: string;
  listId: string | null;
  labelIds: string[];
  priority: Priority | null;
};
