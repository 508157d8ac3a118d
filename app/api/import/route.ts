import { z } from "zod";
import { signedIn } from "@/lib/api/auth-kinds";
import { PROGRESS_STREAM_TYPE } from "@/lib/api/media-types";
import { parseInput, parseJsonBody } from "@/lib/api/body";
import { RequestError } from "@/lib/api/errors";
import { progressResponse, wantsProgress } from "@/lib/api/progress-stream";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { validTimeZone } from "@/lib/client/relative-date";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { importDocumentSchema, importedSchema, importQuerySchema, type ImportDocument } from "@/lib/import/schemas";
import { importForUser, type ImportProgress } from "@/lib/import/service";
import { todoistCsvDocument, TODOIST_CSV_TYPE, type TodoistExtras } from "@/lib/import/todoist";

/** The body as UTF-8 text: 400 for bytes that are not, or a NUL (PostgreSQL cannot store one). */
function textOf(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RequestError(400, "malformed_text", "The file is not UTF-8 text.");
  }
  if (text.includes("\u0000")) throw new RequestError(400, "nul_character", "Text must not contain NUL characters.");
  return text;
}

/** The document a request carries: our export's JSON, or a Todoist CSV (with what it kept in descriptions). */
function documentOf(request: Request, bytes: Uint8Array, query: { name?: string; timeZone?: string }): { document: ImportDocument; todoist?: TodoistExtras } {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type === TODOIST_CSV_TYPE) {
    const { document, extras } = todoistCsvDocument(textOf(bytes), { listName: query.name ?? "Todoist" });
    return { document, todoist: extras };
  }
  if (type !== "application/json") throw new RequestError(415, "unsupported_media_type", "Send a file of Download your data as application/json, or a Todoist CSV export as text/csv.");
  return { document: parseInput(importDocumentSchema, parseJsonBody(request.headers, bytes), "The import") };
}

/**
 * Added to the account all or nothing; answers what was imported. A document of GET /api/export
 * (application/json), or a project exported from Todoist as CSV (text/csv, `?name=` the project).
 * With `Accept: application/x-ndjson`, an import of more than one chunk of tasks answers with its
 * progress as it writes (lib/api/progress-stream.ts).
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/import", {
  POST: endpoint({
    auth: signedIn("data:import"),
    query: importQuerySchema,
    maxBodyBytes: IMPORT_MAX_BYTES,
    subject: "The import",
    docs: {
      summary: "Import tasks",
      description:
        "A document of GET /api/export, or a Todoist project exported as CSV (`?name=` the project, `?timeZone=` yours, which also reads an export of version 1's due dates), added all or nothing. With `Accept: application/x-ndjson`, a large import answers 200 as it writes: a `{\"progress\"}` line after each chunk, then the usual body or `{\"status\", \"error\"}`.",
      requestBody: { "application/json": importDocumentSchema, [TODOIST_CSV_TYPE]: z.string().meta({ description: "A Todoist project's CSV export." }) },
      responses: {
        200: { description: "Progress, as asked: newline-delimited JSON.", content: { [PROGRESS_STREAM_TYPE]: z.string() } },
        201: importedSchema,
        409: "A limit reached: task_limit_reached, list_limit_reached, label_limit_reached.",
      },
    },
    handle: async ({ actor, request, query, requestId }) => {
      const { document, todoist } = documentOf(request, new Uint8Array(await request.arrayBuffer()), query);
      const streamed = wantsProgress(request);
      return progressResponse<ImportProgress>(
        async (onProgress) => ({ imported: await importForUser(actor, document, validTimeZone(query.timeZone), streamed ? onProgress : undefined), ...(todoist && { todoist }) }),
        { status: 201, requestId },
      );
    },
  }),
});
