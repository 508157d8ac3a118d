import type { z } from "zod";
import { RequestError } from "./errors";

/** The largest request body any endpoint reads, unless it states its own limit. */
export const MAX_BODY_BYTES = 16 * 1024;

// Keys that would reach an object's prototype machinery if a body were ever merged into one.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const tooLarge = (maxBytes: number) => new RequestError(413, "payload_too_large", `The body must be at most ${Math.floor(maxBytes / 1024)} KB.`);

/** The body's bytes, reading no more than `maxBytes` (the declared length may be absent or wrong): 413 past it. */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk.value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * A body's JSON: 415 unless it was sent as JSON, 400 when it is not JSON, or when it holds a
 * prototype key (`__proto__`, `constructor`, `prototype`) or a NUL character, which no field of
 * ours accepts and PostgreSQL cannot store. `bytes` is null when the request had no body.
 */
export function parseJsonBody(headers: Headers, bytes: Uint8Array | null): unknown {
  const type = headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new RequestError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  try {
    return JSON.parse(Buffer.from(bytes ?? new Uint8Array()).toString("utf8"), (key, item) => {
      if (FORBIDDEN_KEYS.has(key)) throw new RequestError(400, "forbidden_key", `The body must not contain the key "${key}".`);
      if (typeof item === "string" && item.includes("\u0000")) throw new RequestError(400, "nul_character", "Text must not contain NUL characters.");
      return item;
    });
  } catch (error) {
    if (error instanceof RequestError) throw error;
    throw new RequestError(400, "malformed_json", "The body is not valid JSON.");
  }
}

/** `value` parsed by `schema`, or a 422 with the problems of each field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, what = "The request"): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // No prototype: a field named "toString" or "constructor" must not find Object's methods.
  const details: Record<string, string[]> = Object.create(null);
  const add = (field: string, message: string) => (details[field] ??= []).push(message);
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add(key, `"${key}" is not a field that can be set.`);
    else add(issue.path.join(".") || "body", issue.message);
  }
  throw new RequestError(422, "validation_failed", `${what} has invalid fields: ${Object.keys(details).join(", ")}.`, details);
}
