import { z } from "zod";
import { EMAIL_MAX, IMAGE_URL_MAX, NAME_MAX } from "./limits";

// The account fields a client may send to Better Auth (sign-up, sign-in, update-user). Better Auth checks
// types loosely and lengths not at all: a megabyte name, `name: null` or a NUL character would
// reach the database. Checked before Better Auth runs (lib/better-auth.ts).

const noNul = (value: string) => !value.includes("\u0000");

// The length is checked before trimming: Better Auth stores the name as sent.
const name = z
  .string({ error: "Name must be text." })
  .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters.`)
  .trim()
  .min(1, "Name is required.")
  .refine(noNul, "Name must not contain NUL characters.");
const image = z
  .url({ protocol: /^https?$/, error: "Image must be an http(s) URL." })
  .max(IMAGE_URL_MAX, `Image URL must be at most ${IMAGE_URL_MAX} characters.`)
  .nullable();

const email = z.string({ error: "Email must be text." }).max(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters.`);

/** The profile fields of a sign-up or profile update; the rest is Better Auth's to check. */
export const profileFieldsSchema = z.object({ name: name.optional(), email: email.optional(), image: image.optional() });

/** The first problem with the profile fields of `body`, or null when there is none. */
export function profileProblem(body: unknown): string | null {
  const fields = typeof body === "object" && body !== null ? body : {};
  const result = profileFieldsSchema.safeParse(fields);
  return result.success ? null : result.error.issues[0].message;
}
