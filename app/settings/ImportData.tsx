"use client";

import { useId, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { seconds } from "@/lib/client/error-messages";
import { PROGRESS_STREAM_TYPE } from "@/lib/api/media-types";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";

// "Import": a file made by Download everything (JSON), or a project exported from Todoist (CSV),
// added to the account through the API, all or nothing. The server checks everything; the page
// only says what it answered.

interface Report {
  lists: number;
  labels: { created: number; matched: number };
  tasks: number;
  reminders: number;
}

interface TodoistExtras {
  datesKept: number;
  notes: number;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

function describe(report: Report): string {
  const labels = report.labels.matched > 0 ? `${plural(report.labels.created, "new label", "new labels")} (${plural(report.labels.matched, "was", "were")} yours already)` : plural(report.labels.created, "label", "labels");
  const reminders = report.reminders > 0 ? ` (with ${plural(report.reminders, "reminder", "reminders")})` : "";
  return `Imported ${plural(report.tasks, "task", "tasks")}${reminders}, ${plural(report.lists, "list", "lists")} and ${labels}.`;
}

/** What a Todoist file brought that has no field of its own here, and where it went. */
function describeKept({ datesKept, notes }: TodoistExtras): string {
  const kept = [datesKept > 0 && plural(datesKept, "date Tasks cannot read yet (such as a repeating one)", "dates Tasks cannot read yet (such as repeating ones)"), notes > 0 && plural(notes, "note", "notes")].filter(Boolean);
  return kept.length === 0 ? "" : ` ${kept.join(" and ")} ${datesKept + notes === 1 ? "was" : "were"} kept in the task's description.`;
}

interface Progress {
  done: number;
  total: number;
}

/**
 * Reads an import's progress lines as they come (lib/api/progress-stream.ts), telling each to
 * `onProgress`; the last line is the outcome, with its status when it is a refusal.
 */
async function followProgress(response: Response, onProgress: (progress: Progress) => void): Promise<{ status: number; body: { status?: number } & Record<string, unknown> }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  let last: ({ status?: number } & Record<string, unknown>) | null = null;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += chunk.value;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      const parsed = JSON.parse(line);
      if (parsed.progress) onProgress(parsed.progress as Progress);
      else last = parsed;
    }
  }
  if (!last) throw new TypeError("the import's answer ended early");
  return { status: last.status ?? 201, body: last };
}

/** A Todoist export is CSV, one project per file, named after the project. */
const isCsv = (file: File) => file.type === "text/csv" || file.name.toLowerCase().endsWith(".csv");

const ROW_NAMES: Record<string, string> = { tasks: "Task", lists: "List", labels: "Label", reminders: "Reminder" };

/** "tasks.3.title" as a person counts: "Task 4". */
const rowOf = (path: string) => {
  const [kind, index] = path.split(".");
  return ROW_NAMES[kind] && /^\d+$/.test(index ?? "") ? `${ROW_NAMES[kind]} ${Number(index) + 1}` : path;
};

/** What went wrong, in sentences: the first few problems the server named, by row. */
function problemOf(status: number, body: { error?: { message?: string; details?: Record<string, string[]> } } | null, retryAfter: string | null): string {
  // The token's endpoint or the import's own limit: neither is a problem of the file.
  if (status === 429) return `Nothing was imported: too many requests just now. Try again in ${seconds(Number(retryAfter))}.`;
  const details = Object.entries(body?.error?.details ?? {}).slice(0, 3).map(([path, messages]) => `${rowOf(path)}: ${messages[0]}`);
  return `Nothing was imported. ${details.length > 0 ? details.join(" ") : (body?.error?.message ?? `The server answered ${status}.`)}`;
}

export function ImportData() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);

  const importFile = async () => {
    if (!file) return setOutcome({ ok: false, text: "Choose a file first: one made by Download everything (JSON), or a Todoist project exported as CSV." });
    if (file.size > IMPORT_MAX_BYTES) return setOutcome({ ok: false, text: `That file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the most one import takes. Nothing was imported.` });
    setBusy(true);
    setOutcome(null);
    try {
      const csv = isCsv(file);
      const query = new URLSearchParams({ name: file.name.replace(/\.csv$/i, ""), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      const response = await apiFetch(csv ? `/api/import?${query}` : "/api/import", {
        method: "POST",
        headers: { "Content-Type": csv ? "text/csv" : "application/json", Accept: `${PROGRESS_STREAM_TYPE}, application/json` },
        body: await file.text(),
      });
      const { status, body } = response.headers.get("content-type") === PROGRESS_STREAM_TYPE ? await followProgress(response, setProgress) : { status: response.status, body: await response.json().catch(() => null) };
      const ok = status >= 200 && status < 300;
      setOutcome(ok ? { ok: true, text: describe(body.imported as Report) + (body.todoist ? describeKept(body.todoist as TodoistExtras) : "") } : { ok: false, text: problemOf(status, body, response.headers.get("retry-after")) });
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof TypeError ? "Could not reach the server: try again. Nothing was imported." : "The import failed: try again." });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div className="import-data">
      <p className="hint">
        Add the lists, labels and tasks of a file made by Download everything (JSON), from this account or another, or a Todoist project exported as CSV (it becomes a list
        named after the file; its sections and @labels become labels). All of it is imported, or nothing.
      </p>
      <div role="alert">{outcome && <p className={outcome.ok ? "notice" : "alert"}>{outcome.text}</p>}</div>
      <div className="field">
        <label htmlFor={inputId}>File to import</label>
        <input id={inputId} type="file" accept="application/json,.json,text/csv,.csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </div>
      <button className="button" type="button" disabled={busy} onClick={() => void importFile()}>
        {busy ? "Importing…" : "Import"}
      </button>
      {progress && (
        <p className="import-progress">
          <progress id={`${inputId}-progress`} max={progress.total} value={progress.done} aria-label="Tasks imported so far" />{" "}
          <span aria-hidden="true">
            {progress.done.toLocaleString("en")} of {plural(progress.total, "task", "tasks")}
          </span>
        </p>
      )}
    </div>
  );
}
