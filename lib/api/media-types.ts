// Media types the API and the pages that call it both name. Plain values: the browser imports this module too.

/** Newline-delimited JSON: an answer told as it goes (lib/api/progress-stream.ts). */
export const PROGRESS_STREAM_TYPE = "application/x-ndjson";
