import { findDate, FILLER, knownZone, weakTimes } from "./dates";
import { findRecurrence } from "./recurrence";
import type { QuickAddOptions, QuickAddResult, QuickAddSpan, QuickAddSpanKind } from "./types";
import type { Priority } from "@/lib/tasks/constants";

// Quick add: one line of text → a title and the task's fields. Pure (browser and server alike):
// no clock of its own (`now`), no database (the user's lists and labels come in the options).
// Order of reading: literal ranges and escaped words first (never recognised), then #list,
// @label and priority tokens, then one repeat (our grammar), then one date (chrono), each only
// where nothing earlier took the characters.

const TOKEN = /(?<!\S)(?:[#@]|[!pP][1-4](?!\S))/g;
const ESCAPE = /(?<!\S)\\(?=\S)/g;
const NAME_END = /^(?:$|[\s,.;:!?)])/;
const PRIORITY_OF: Record<string, Priority> = { "1": "high", "2": "medium", "3": "low", "4": "low" };

/** The level of a priority token: p1/!1 high, p2/!2 medium, p3, p4, !3, !4 low (the data has three). */
export const priorityOfToken = (token: string): Priority => PRIORITY_OF[token.slice(1)] ?? "low";

type Named = { id: string; name: string; lower: string };

/** The longest name that follows position `at` (case-insensitive, ending at a word's end). */
function longestName(text: string, at: number, names: readonly Named[]): Named | null {
  for (const named of names) {
    const end = at + named.name.length;
    if (text.slice(at, end).toLowerCase() === named.lower && NAME_END.test(text.slice(end, end + 1))) return named;
  }
  return null;
}

function byLength(items: readonly { id: string; name: string }[]): Named[] {
  return items
    .filter((item) => typeof item?.name === "string" && item.name.trim() !== "")
    .map((item) => ({ id: item.id, name: item.name, lower: item.name.toLowerCase() }))
    .sort((a, b) => b.name.length - a.name.length);
}

/** Runs of whitespace as one space, trimmed: how a title is kept. */
export const normaliseSpaces = (text: string) => text.replace(/\s+/g, " ").trim();

export function parseQuickAdd(input: string, options: QuickAddOptions): QuickAddResult {
  const text = typeof input === "string" ? input : "";
  const length = text.length;
  const blocked = new Uint8Array(length); // literal or escaped: title text, whatever it says
  const recognised = new Uint8Array(length);
  const hidden = new Uint8Array(length); // title text kept from chrono (a bare "at 5")
  const isFree = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (blocked[i] || recognised[i]) return false;
    return start < end;
  };

  for (const range of options.literal ?? []) {
    const start = Math.max(0, Math.floor(Number(range?.start)));
    const end = Math.min(length, Math.floor(Number(range?.end)));
    if (start < end) blocked.fill(1, start, end);
  }
  const escapes = new Set<number>();
  for (const match of text.matchAll(ESCAPE)) {
    if (blocked[match.index]) continue;
    escapes.add(match.index);
    const wordEnd = text.slice(match.index).search(/\s|$/);
    blocked.fill(1, match.index, match.index + wordEnd);
  }

  const spans: QuickAddSpan[] = [];
  const add = (kind: QuickAddSpanKind, start: number, end: number) => {
    spans.push({ kind, start, end, text: text.slice(start, end) });
    recognised.fill(1, start, end);
  };

  // Every #list, @label and priority token is recognised; the first list and priority count.
  const lists = byLength(options.lists ?? []);
  const labels = byLength(options.labels ?? []);
  let listId: string | null = null;
  const labelIds = new Set<string>();
  let priority: Priority | null = null;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const sigil = match[0][0];
    if (sigil === "#" || sigil === "@") {
      const named = longestName(text, start + 1, sigil === "#" ? lists : labels);
      if (!named || !isFree(start, start + 1 + named.name.length)) continue;
      add(sigil === "#" ? "list" : "label", start, start + 1 + named.name.length);
      if (sigil === "@") labelIds.add(named.id);
      else listId ??= named.id;
    } else if (isFree(start, start + 2)) {
      add("priority", start, start + 2);
      priority ??= priorityOfToken(match[0]);
    }
  }

  const repeat = findRecurrence(text, isFree);
  if (repeat) add("recurrence", repeat.start, repeat.end);

  for (const { start, end } of weakTimes(text)) hidden.fill(1, start, end);
  let due: QuickAddResult["due"] = null;
  let time: string | undefined;
  const now = options.now;
  if (now instanceof Date && !Number.isNaN(now.getTime())) {
    let masked = "";
    for (let i = 0; i < length; i++) masked += blocked[i] || recognised[i] || hidden[i] ? FILLER : text[i];
    const found = findDate(masked, (i) => recognised[i] === 1, isFree, now, knownZone(options.timeZone));
    if (found) {
      add("date", found.start, found.end);
      if (repeat && found.timeOfDay) time = found.timeOfDay;
      else due = found.due;
    }
  }

  spans.sort((a, b) => a.start - b.start);
  let title = "";
  for (let i = 0; i < length; i++) title += recognised[i] ? " " : escapes.has(i) ? "" : text[i];

  return {
    title: normaliseSpaces(title),
    spans,
    due,
    recurrence: repeat?.recurrence ?? null,
    ...(time === undefined ? {} : { time }),
    listId,
    labelIds: [...labelIds],
    priority,
  };
}
