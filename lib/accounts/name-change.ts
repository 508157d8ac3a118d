import { getAuth } from "../better-auth";
import { getLogger } from "../log";
import { REQUEST_ID_HEADER } from "../request-id";
import { describeAuthError, SOMETHING_WENT_WRONG } from "./auth-errors";
import { profileFieldsSchema } from "./profile";
import type { NameFormState } from "./settings-form-state";

// The settings page's name change, on the server: the same bounds as sign-up (lib/accounts/
// profile.ts, which Better Auth's hooks apply again), then Better Auth's updateUser with the
// request's headers, so it changes the signed-in user and no one else.

export const NAME_CHANGED = "Your name was saved.";

export async function submitNameChange(form: FormData, headers: Headers): Promise<NameFormState> {
  const sent = form.get("name");
  const parsed = profileFieldsSchema.pick({ name: true }).required().safeParse({ name: typeof sent === "string" ? sent : "" });
  if (!parsed.success) return { problem: { message: parsed.error.issues[0].message, fields: ["name"] } };
  try {
    await getAuth().api.updateUser({ body: { name: parsed.data.name }, headers });
  } catch (error) {
    const described = describeAuthError(error);
    if (!described) getLogger().error({ err: error, requestId: headers.get(REQUEST_ID_HEADER) ?? undefined }, "name change failed");
    return { problem: { message: (described ?? SOMETHING_WENT_WRONG).message, fields: described ? ["name"] : [] } };
  }
  return { done: NAME_CHANGED };
}
