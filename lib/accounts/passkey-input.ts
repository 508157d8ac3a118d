import { z } from "zod";
import { PASSKEY_NAME_MAX } from "./limits";

// What a client may send to the passkey plugin's two verify endpoints and its rename. The plugin
// takes the browser's answer as `any`: a credential id that is not text reached the database as a
// 500 (Prisma refuses it), and a malformed answer to registration is a 500 too. Checked before the
// plugin runs (hooks.ts), so a client's mistake is its 400.

const base64url = z.string().min(1).max(16 * 1024).regex(/^[\w-]+={0,2}$/);
const credential = { id: base64url.max(1024), rawId: base64url.max(1024), type: z.literal("public-key") };
const name = z.string().max(PASSKEY_NAME_MAX, `A passkey's name is at most ${PASSKEY_NAME_MAX} characters.`).refine((value) => !value.includes("\u0000"), "A passkey's name must not contain NUL characters.");

const SCHEMAS: Record<string, z.ZodType> = {
  "/passkey/verify-registration": z.object({
    name: name.optional(),
    response: z.object({ ...credential, response: z.object({ clientDataJSON: base64url, attestationObject: base64url, transports: z.array(z.string().max(32)).max(10).optional() }) }),
  }),
  "/passkey/verify-authentication": z.object({
    response: z.object({ ...credential, response: z.object({ clientDataJSON: base64url, authenticatorData: base64url, signature: base64url, userHandle: base64url.max(1024).nullish() }) }),
  }),
  "/passkey/update-passkey": z.object({ name: name.optional() }),
};

/** The first problem with the body of a passkey endpoint, or null (also for any other endpoint). */
export function passkeyInputProblem(path: string, body: unknown): string | null {
  const schema = SCHEMAS[path];
  if (!schema) return null;
  const result = schema.safeParse(body);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue.path.includes("name") ? issue.message : "That is not a passkey's answer.";
}
