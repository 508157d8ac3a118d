import type { z } from "zod";
import { RequestError } from "./errors";

const MAX_BODY_BYTES = 16 * 1024;

/** The request's JSON body: 415 unless it is sent as JSON, 413 past 16 KB, 400 when malformed. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new RequestError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const tooLarge = () => new RequestError(413, "payload_too_large", `The body must be at most ${MAX_BODY_BYTES / 1024} KB.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  // Read at most the limit (the declared length may be absent or wrong).
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new RequestError(400, "malformed_json", "The body is not valid JSON.");
  }
}

/** `value` parsed by `schema`, or a 422 with the problems of each field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, what = "The request"): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: Record<string, string[]> = {};
  const add = (field: string, message: string) => (details[field] ??= []).push(message);
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add(key, `"${key}" is not a field that can be set.`);
    else add(issue.path.join(".") || "body", issue.message);
  }
  throw new RequestError(422, "validation_failed", `${what} has invalid fields: ${Object.keys(details).join(", ")}.`, details);
}
