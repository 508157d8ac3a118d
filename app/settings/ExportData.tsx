"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

// "Download your data": the export comes from the API with the page's bearer token, then is
// saved as the file the server named (Content-Disposition).

const FORMATS = [
  { format: "json", label: "Download everything (JSON)" },
  { format: "csv", label: "Download tasks (CSV)" },
] as const;

export function ExportData() {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (format: string) => {
    setBusy(format);
    setProblem(null);
    try {
      const response = await apiFetch(`/api/export?format=${format}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? `tasks.${format}`;
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement("a"), { href: url, download: name });
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setProblem(error instanceof TypeError ? "Could not reach the server: try again." : error instanceof Error ? error.message : "The download failed: try again.");
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-data">
      <p className="hint">Your lists, labels and tasks as they are now; tasks in the trash are left out.</p>
      <div role="alert">{problem && <p className="alert">{problem}</p>}</div>
      <div className="actions">
        {FORMATS.map(({ format, label }) => (
          <button key={format} className="button" type="button" disabled={busy !== null} onClick={() => void download(format)}>
            {busy === format ? "Preparing…" : label}
          </button>
        ))}
      </div>
    </div>
  );
}
