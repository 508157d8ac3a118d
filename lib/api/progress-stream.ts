import { PROGRESS_STREAM_TYPE } from "./media-types";
import { errorResponse, jsonResponse, NO_STORE } from "./respond";

// A long write that can tell its progress, answered as it goes: newline-delimited JSON, a
// {"progress": …} line each time the work reports, then one last line, the result (what the
// plain answer's body would be) or {"status": n, "error": …}. The answer is the plain one (its
// status, or the error's) whenever the work ends before its first report: a refusal found before
// anything is written (a limit, a validation) keeps its 4xx status.

/** Whether the client asked for progress (`Accept: application/x-ndjson`). */
export const wantsProgress = (request: Request) => request.headers.get("accept")?.includes(PROGRESS_STREAM_TYPE) ?? false;

export async function progressResponse<Progress>(work: (onProgress: (progress: Progress) => void) => Promise<unknown>, { status, requestId }: { status: number; requestId: string }): Promise<Response> {
  const encoder = new TextEncoder();
  let stream!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (stream = controller) });
  const send = (line: unknown) => stream.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
  let firstReport!: () => void;
  const reported = new Promise<"reported">((resolve) => (firstReport = () => resolve("reported")));
  const done = work((progress) => {
    firstReport();
    send({ progress });
  });
  // Before the first report the work's outcome is the answer: its result, or its error thrown.
  if ((await Promise.race([reported, done.then(() => "done" as const)])) === "done") return jsonResponse(await done, { status });
  done
    .then(send, async (error: unknown) => {
      const refused = errorResponse(error, requestId);
      send({ status: refused.status, ...(await refused.json()) });
    })
    .finally(() => stream.close());
  return new Response(body, { status: 200, headers: { "Content-Type": PROGRESS_STREAM_TYPE, ...NO_STORE } });
}
