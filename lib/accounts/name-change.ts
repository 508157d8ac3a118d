import { getAuth } from "../better-auth";
import { callForForm, describeAuthError, formText } from "./auth-errors";
import { profileFieldsSchema } from "./profile";
import type { NameFormState } from "./form-state";

// The settings page's name change, on the server: the same bounds as sign-up (lib/accounts/
// profile.ts, which Better Auth's hooks apply again), then Better Auth's updateUser with the
// request's headers, so it changes the signed-in user and no one else.

export const NAME_CHANGED = "Your name was saved.";

export async function submitNameChange(form: FormData, headers: Headers): Promise<NameFormState> {
  const parsed = profileFieldsSchema.pick({ name: true }).required().safeParse({ name: formText(form, "name") });
  if (!parsed.success) return { problem: { message: parsed.error.issues[0].message, fields: ["name"] } };
  // Any refusal of updateUser here is about the one field it was sent.
  const aboutName = (error: unknown) => {
    const described = describeAuthError(error);
    return described && { message: described.message, fields: ["name" as const] };
  };
  const refused = await callForForm("name change", headers, () => getAuth().api.updateUser({ body: { name: parsed.data.name }, headers }), aboutName);
  return refused ? { problem: refused } : { done: NAME_CHANGED };
}
